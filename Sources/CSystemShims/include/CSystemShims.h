#ifndef C_SYSTEM_SHIMS_H
#define C_SYSTEM_SHIMS_H

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE), so a report folder is
/// replaced in one step: readers see the old folder or the new one, never a mix.
/// Returns 0, or -1 with errno set (EINVAL/ENOSYS where the file system cannot exchange).
int shims_exchange_paths(const char *a, const char *b);

/// Writes all `count` bytes at `bytes` to `descriptor` (again after a partial or interrupted
/// write): a new file of the report, flushed before the report is swapped in. From 1 MiB on
/// the bytes go straight to the disk (O_DIRECT, through a 4 MiB aligned buffer; the last
/// partial 4 KiB block buffered), not through the page cache: on the benchmark's machine a
/// write to fresh page-cache pages cost 10 ms per MB (a 46 MB summary.json took 0.45 s on one
/// core at the end of the run), a direct write 0.8 ms per MB, and the `fsync` that follows
/// writes the same bytes either way. Where the file system takes no direct writes, all is
/// written buffered. A file may be written in several calls, each a multiple of 4 KiB but the
/// last (then each goes straight to the disk). Returns 0, or -1 with errno set.
int shims_write_file(int descriptor, const void *bytes, long count);

/// Starts writing a file's data to disk without waiting for it (Linux sync_file_range), so the
/// `fsync` that must come before the report is swapped in finds little left to do. Returns 0,
/// or -1 with errno set; does nothing where there is no such call.
int shims_start_writeback(int descriptor);

/// Makes every allocation of `bytes` or more its own mapping, returned to the system when
/// freed. glibc otherwise raises that threshold after the first large free (up to 32 MiB), so
/// the big columns of a large import land in the heap and the memory of every column that grew
/// or was let go stays resident. Returns 0 where the C library has no such setting.
int shims_map_large_allocations(int bytes);

#endif
