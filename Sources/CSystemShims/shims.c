#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
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

/// Writes all `count` bytes, at `offset` (pwrite) or, when it is negative, where the file is.
static int write_all(int descriptor, const void *bytes, long count, long offset) {
  const char *next = bytes;
  while (count > 0) {
    ssize_t written = offset < 0 ? write(descriptor, next, (size_t)count) : pwrite(descriptor, next, (size_t)count, (off_t)offset);
    if (written < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    next += written;
    count -= written;
    if (offset >= 0) offset += written;
  }
  return 0;
}

int shims_write_all(int descriptor, const void *bytes, long count) { return write_all(descriptor, bytes, count, -1); }

int shims_open_unnamed_file(const char *directory) {
#ifdef O_TMPFILE
  int descriptor = open(directory, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (descriptor >= 0) return descriptor;
  // Not every file system (nor kernel) has unnamed files: then a unique name, removed at once.
#endif
  size_t length = strlen(directory) + sizeof("/.referral-report-spill-XXXXXX");
  char *path = malloc(length);
  if (path == NULL) return -1;
  snprintf(path, length, "%s/.referral-report-spill-XXXXXX", directory);
  int named = mkostemp(path, O_CLOEXEC);
  if (named >= 0) unlink(path);
  free(path);
  return named;
}

int shims_write_all_at(int descriptor, const void *bytes, long count, long offset) {
  return write_all(descriptor, bytes, count, offset);
}

int shims_read_all_at(int descriptor, void *bytes, long count, long offset) {
  char *next = bytes;
  while (count > 0) {
    ssize_t got = pread(descriptor, next, (size_t)count, (off_t)offset);
    if (got < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (got == 0) {
      errno = EIO;
      return -1;
    }
    next += got;
    count -= got;
    offset += got;
  }
  return 0;
}
