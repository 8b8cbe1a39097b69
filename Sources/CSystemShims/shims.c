#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
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

/// Writes all `count` bytes at `bytes` to `descriptor`, again after a partial write or an
/// interrupted one. Returns 0, or -1 with errno set.
static int write_all(int descriptor, const void *bytes, long count) {
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

int shims_write_file(int descriptor, const void *bytes, long count) {
#ifdef O_DIRECT
  enum { alignment = 4096, chunk = 1 << 22, direct_from = 1 << 20 };
  if (count < direct_from) return write_all(descriptor, bytes, count);
  const char *next = bytes;
  long direct = count - count % alignment;
  int flags = fcntl(descriptor, F_GETFL);
  // One aligned buffer per thread, kept: a file written in pieces (summary.json, 4 MiB at a
  // time while it is rendered) would otherwise map and fault in a fresh one per piece.
  static _Thread_local void *buffer = NULL;
  if (flags < 0 || (buffer == NULL && posix_memalign(&buffer, alignment, chunk) != 0)) {
    buffer = NULL;
    return write_all(descriptor, bytes, count);
  }
  if (fcntl(descriptor, F_SETFL, flags | O_DIRECT) == 0) {
    while (direct > 0) {
      long size = direct < chunk ? direct : chunk;
      memcpy(buffer, next, (size_t)size);
      ssize_t written = write(descriptor, buffer, (size_t)size);
      if (written < 0 && errno == EINTR) continue;
      // A file system that takes no direct writes (EINVAL) or a short one: the rest buffered.
      if (written > 0) {
        next += written;
        count -= written;
        direct -= written;
      }
      if (written != size) break;
    }
    if (fcntl(descriptor, F_SETFL, flags) != 0) return -1;
  }
  return write_all(descriptor, next, count);
#else
  return write_all(descriptor, bytes, count);
#endif
}
