#ifndef FENCI_CZLIB_SHIM_H
#define FENCI_CZLIB_SHIM_H
#include <zlib.h>
#endif
