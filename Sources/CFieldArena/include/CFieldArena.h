#ifndef C_FIELD_ARENA_H
#define C_FIELD_ARENA_H

#include <stddef.h>
#include <stdint.h>

/// One parsed row of a batch: its fields are `first_field ..< first_field + field_count`.
typedef struct {
  uint32_t first_field;
  uint32_t field_count;
  /// The 1-based physical line where the row starts (rows may span lines).
  int64_t line;
  /// What is wrong with the row, if anything: `FIELD_ROW_PROBLEM`, or one of the text problems
  /// (under `FIELD_ROW_TEXT_PROBLEM`); `FIELD_ROW_UNUSUAL` until its text is checked.
  uint32_t flags;
} field_row;

/// The reader recorded a problem with the row (kept on the Swift side, by row index).
#define FIELD_ROW_PROBLEM 1u
/// A field of the row holds a NUL byte.
#define FIELD_ROW_NUL_BYTE (1u << 1)
/// A field of the row is not well-formed UTF-8.
#define FIELD_ROW_INVALID_UTF8 (2u << 1)
/// A field of the row holds a byte-order mark (usually two exports concatenated).
#define FIELD_ROW_BYTE_ORDER_MARK (3u << 1)
/// The bits of `flags` that hold a text problem.
#define FIELD_ROW_TEXT_PROBLEM (3u << 1)
/// The row scan found a NUL or non-ASCII byte: its text is checked when its batch is read
/// (`field_arena_check_text`), on the thread that decodes it.
#define FIELD_ROW_UNUSUAL (1u << 3)

/// The fields of a batch of rows, back to back, with the end offset of each, and the rows they
/// form: what libcsv's callbacks fill. In C so that the callbacks, called once per field and
/// once per line of every file, are plain functions: the Swift ones went through a thunk and a
/// closure (about 80 instructions a field), and each row appended to a Swift array checked its
/// uniqueness and capacity.
typedef struct {
  unsigned char *bytes;
  size_t byte_count;
  size_t byte_capacity;
  uint32_t *ends;
  size_t field_count;
  size_t end_capacity;
  field_row *rows;
  size_t row_count;
  size_t row_capacity;
  /// Rows flagged `FIELD_ROW_UNUSUAL` and not checked yet.
  size_t unusual_rows;
} field_arena;

/// The row being parsed, as libcsv's callbacks track it.
typedef struct {
  /// The arena of the batch being filled.
  field_arena *arena;
  /// The physical line where the next row starts, and where the open row started.
  int64_t line;
  int64_t row_line;
  size_t row_first_field;
  int in_row;
  int last_terminator_was_cr;
} field_sink;

/// Bytes kept free past the last field, so that a short field is copied as a fixed 32 bytes.
#define FIELD_ARENA_SLACK 32

/// Allocates room for `bytes` bytes, `fields` fields and `rows` rows; aborts when memory runs
/// out (as Swift's allocation does).
void field_arena_init(field_arena *arena, size_t bytes, size_t fields, size_t rows);
void field_arena_free(field_arena *arena);
/// Appends a field of `length` bytes (none when `data` is NULL), growing as needed.
void field_arena_append(field_arena *arena, const void *data, size_t length);
/// Appends a row over fields already appended; returns its index.
size_t field_arena_add_row(field_arena *arena, size_t first_field, size_t field_count, int64_t line, uint32_t flags);
/// Adds `offset` to the line of every row: a segment of a file parsed by the second reader
/// counts its lines from 1, and learns where it starts only once the first reader gets there.
void field_arena_shift_lines(field_arena *arena, int64_t offset);

/// libcsv's per-field callback; `context` is a field_sink. libcsv hands over its own field
/// buffer, which is at least its block size long (set to 64 KiB by the reader), so a short
/// field may be read as 32 bytes.
void field_sink_add(void *data, size_t length, void *context);
/// libcsv's per-line callback (`terminator` is the line's CR or LF, or -1 at the end of the
/// input); `context` is a field_sink. Completes the open row: its bytes are scanned once, as a
/// whole, for line feeds inside quoted fields (they move the next row's line) and for NUL and
/// non-ASCII bytes (the row is then flagged `FIELD_ROW_UNUSUAL`). A CRLF pair ends one line.
void field_sink_end_row(int terminator, void *context);
/// Completes the open row, if any (the end of the input).
void field_sink_finish_row(field_sink *sink);

/// Counts the line feeds in `count` bytes and says whether any byte is NUL or non-ASCII: 16
/// bytes at a time with SSE2 where there is SSE2. Every row of every file passes through here.
int field_scan_row(const unsigned char *bytes, long count, long *line_feeds);

/// Gives every row flagged `FIELD_ROW_UNUSUAL` its text problem, if any: the row as a whole
/// first (most such rows just have an accented name), field by field only when that finds
/// something. Called by the thread that decodes the batch, not the one that parses it.
void field_arena_check_text(field_arena *arena);

/// The first problem of a field's text (`FIELD_ROW_NUL_BYTE`, `FIELD_ROW_INVALID_UTF8`,
/// `FIELD_ROW_BYTE_ORDER_MARK`), or 0.
uint32_t field_text_problem(const unsigned char *bytes, size_t count);
/// Whether `bytes` are well-formed UTF-8 (the Unicode standard's table 3-7: no overlong forms,
/// surrogates or values past U+10FFFF).
int field_is_valid_utf8(const unsigned char *bytes, size_t count);

#endif
