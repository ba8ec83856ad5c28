// The data files are compiled into the binary with C23 #embed (clang supports it in every C mode).
#include "CFenciData.h"

#pragma clang diagnostic ignored "-Wc23-extensions"

static const unsigned char jieba_dict[] = {
#embed "../../Resources/jieba/dict.txt.gz"
};
fenci_embedded_file fenci_jieba_dict(void) { return (fenci_embedded_file){ jieba_dict, sizeof(jieba_dict) }; }

static const unsigned char jieba_idf[] = {
#embed "../../Resources/jieba/idf.txt.gz"
};
fenci_embedded_file fenci_jieba_idf(void) { return (fenci_embedded_file){ jieba_idf, sizeof(jieba_idf) }; }

static const unsigned char jieba_hmm_start[] = {
#embed "../../Resources/jieba/hmm_start.tsv.gz"
};
fenci_embedded_file fenci_jieba_hmm_start(void) { return (fenci_embedded_file){ jieba_hmm_start, sizeof(jieba_hmm_start) }; }

static const unsigned char jieba_hmm_trans[] = {
#embed "../../Resources/jieba/hmm_trans.tsv.gz"
};
fenci_embedded_file fenci_jieba_hmm_trans(void) { return (fenci_embedded_file){ jieba_hmm_trans, sizeof(jieba_hmm_trans) }; }

static const unsigned char jieba_hmm_emit[] = {
#embed "../../Resources/jieba/hmm_emit.tsv.gz"
};
fenci_embedded_file fenci_jieba_hmm_emit(void) { return (fenci_embedded_file){ jieba_hmm_emit, sizeof(jieba_hmm_emit) }; }

static const unsigned char jieba_posseg_start[] = {
#embed "../../Resources/jieba/posseg_start.tsv.gz"
};
fenci_embedded_file fenci_jieba_posseg_start(void) { return (fenci_embedded_file){ jieba_posseg_start, sizeof(jieba_posseg_start) }; }

static const unsigned char jieba_posseg_trans[] = {
#embed "../../Resources/jieba/posseg_trans.tsv.gz"
};
fenci_embedded_file fenci_jieba_posseg_trans(void) { return (fenci_embedded_file){ jieba_posseg_trans, sizeof(jieba_posseg_trans) }; }

static const unsigned char jieba_posseg_emit[] = {
#embed "../../Resources/jieba/posseg_emit.tsv.gz"
};
fenci_embedded_file fenci_jieba_posseg_emit(void) { return (fenci_embedded_file){ jieba_posseg_emit, sizeof(jieba_posseg_emit) }; }

static const unsigned char jieba_posseg_char_state[] = {
#embed "../../Resources/jieba/posseg_char_state.tsv.gz"
};
fenci_embedded_file fenci_jieba_posseg_char_state(void) { return (fenci_embedded_file){ jieba_posseg_char_state, sizeof(jieba_posseg_char_state) }; }
static const unsigned char opencc_phrases[] = {
#embed "../../Resources/opencc/TSPhrases.txt.gz"
};
fenci_embedded_file fenci_opencc_phrases(void) { return (fenci_embedded_file){ opencc_phrases, sizeof(opencc_phrases) }; }

static const unsigned char opencc_characters[] = {
#embed "../../Resources/opencc/TSCharacters.txt.gz"
};
fenci_embedded_file fenci_opencc_characters(void) { return (fenci_embedded_file){ opencc_characters, sizeof(opencc_characters) }; }

