#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <unistd.h>
#include "CSystemShims.h"

int shims_exchange_paths(const char *a, const char *b) {
#ifdef RENAME_EXCHANGE
  return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
  errno = ENOSYS;
  return -1;
#endif
}

int shims_map_large_allocations(int bytes) {
#ifdef __GLIBC__
  return mallopt(M_MMAP_THRESHOLD, bytes);
#else
  (void)bytes;
  return 0;
#endif
}

int shims_start_writeback(int descriptor) {
#ifdef SYNC_FILE_RANGE_WRITE
  return sync_file_range(descriptor, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
  (void)descriptor;
  return 0;
#endif
}

int shims_write_all(int descriptor, const void *bytes, long count) {
  const char *next = bytes;
  while (count > 0) {
    ssize_t written = write(descriptor, next, (size_t)count);
    if (written < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    next += written;
    count -= written;
  }
  return 0;
}
