#ifndef SUBVENTION_CLIBCSV_SHIM_H
#define SUBVENTION_CLIBCSV_SHIM_H
#include <stddef.h>
#include <csv.h>
#endif
