#ifndef C_FIELD_ARENA_H
#define C_FIELD_ARENA_H

#include <stddef.h>
#include <stdint.h>

/// The fields of a batch of rows, back to back, with the end offset of each: what libcsv's
/// per-field callback fills. In C so that the callback, called once per field of every file,
/// is a plain function: the Swift one went through a thunk and a closure (about 80
/// instructions a field, of which 15 moved bytes).
typedef struct {
  unsigned char *bytes;
  size_t byte_count;
  size_t byte_capacity;
  uint32_t *ends;
  size_t field_count;
  size_t end_capacity;
} field_arena;

/// The row being parsed, as the field callback tracks it.
typedef struct {
  /// The arena of the batch being filled.
  field_arena *arena;
  /// The parse state in Swift that owns this sink (for the row-end callback).
  void *owner;
  /// The physical line where the next row starts, and where the open row started.
  long line;
  long row_line;
  size_t row_first_field;
  int in_row;
  int last_terminator_was_cr;
} field_sink;

/// Allocates room for `bytes` bytes and `fields` fields; aborts when memory runs out (as
/// Swift's allocation does).
void field_arena_init(field_arena *arena, size_t bytes, size_t fields);
void field_arena_free(field_arena *arena);
/// Appends a field of `length` bytes (none when `data` is NULL), growing as needed.
void field_arena_append(field_arena *arena, const void *data, size_t length);
/// libcsv's per-field callback; `context` is a field_sink.
void field_sink_add(void *data, size_t length, void *context);

#endif
