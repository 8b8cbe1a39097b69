// libcsv (Debian: libcsv-dev). `make` installs the package when this header is missing.
#include <csv.h>
