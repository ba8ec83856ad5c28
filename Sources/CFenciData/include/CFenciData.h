#ifndef FENCI_CFENCIDATA_H
#define FENCI_CFENCIDATA_H

#include <stddef.h>

/// The data files shipped inside the `fenci` binary, gzip-compressed exactly as committed
/// under Resources/. Embedding (C23 `#embed`) keeps the executable self-contained: no
/// resource bundle to locate at run time, nothing to install beside it.
typedef struct {
    const unsigned char *bytes;
    size_t count;
} fenci_embedded_file;

/// jieba 0.42.1 (MIT): dictionary, IDF table, segmentation HMM and part-of-speech HMM.
fenci_embedded_file fenci_jieba_dict(void);
fenci_embedded_file fenci_jieba_idf(void);
fenci_embedded_file fenci_jieba_hmm_start(void);
fenci_embedded_file fenci_jieba_hmm_trans(void);
fenci_embedded_file fenci_jieba_hmm_emit(void);
fenci_embedded_file fenci_jieba_posseg_start(void);
fenci_embedded_file fenci_jieba_posseg_trans(void);
fenci_embedded_file fenci_jieba_posseg_emit(void);
fenci_embedded_file fenci_jieba_posseg_char_state(void);

/// OpenCC (Apache-2.0): Traditional→Simplified phrases and characters.
fenci_embedded_file fenci_opencc_phrases(void);
fenci_embedded_file fenci_opencc_characters(void);

#endif
