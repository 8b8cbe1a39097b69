#include "CFieldArena.h"

#include <string.h>

void field_sink_add(void *data, size_t length, void *context) {
  field_sink *sink = context;
  field_arena *arena = sink->arena;
  if (!sink->in_row) {
    sink->in_row = 1;
    sink->row_line = sink->line;
    sink->row_first_field = arena->field_count;
  }
  sink->last_terminator_was_cr = 0;
  size_t count = arena->byte_count;
  // Most fields are short and the arena has room: a fixed-size copy (the slack past the
  // capacity takes what is copied beyond the field), no call.
  if (length <= 32 && count + length <= arena->byte_capacity && arena->field_count < arena->end_capacity) {
    unsigned char *to = arena->bytes + count;
    if (length > 0) {
      memcpy(to, data, 16);
      if (length > 16) memcpy(to + 16, (const unsigned char *)data + 16, 16);
    }
    arena->byte_count = count + length;
    arena->ends[arena->field_count++] = (uint32_t)(count + length);
    return;
  }
  field_arena_append(arena, data, length);
}

/// The first text problem of the fields from `first` on (the open row, whose scan found a NUL
/// or non-ASCII byte). Most such rows just have an accented name: the row is checked as a whole
/// first, and field by field only when that finds something.
static uint32_t row_text_problem(const field_arena *arena, size_t first) {
  size_t start = first == 0 ? 0 : arena->ends[first - 1];
  const unsigned char *bytes = arena->bytes + start;
  size_t count = arena->byte_count - start;
  // The row as a whole is well-formed with no NUL or byte-order-mark lead byte, and no field
  // starts inside a sequence: then every field is well-formed on its own.
  int clean = memchr(bytes, 0, count) == NULL && memchr(bytes, 0xEF, count) == NULL && field_is_valid_utf8(bytes, count);
  for (size_t field = first + 1; clean && field < arena->field_count; field++) {
    size_t from = arena->ends[field - 1];
    clean = from == arena->byte_count || (arena->bytes[from] & 0xC0) != 0x80;
  }
  if (clean) return 0;
  uint32_t problem = 0;
  for (size_t field = first; field < arena->field_count && problem == 0; field++) {
    size_t from = field == 0 ? 0 : arena->ends[field - 1];
    problem = field_text_problem(arena->bytes + from, arena->ends[field] - from);
  }
  return problem;
}

void field_sink_finish_row(field_sink *sink) {
  if (!sink->in_row) return;
  field_arena *arena = sink->arena;
  size_t first = sink->row_first_field;
  size_t start = first == 0 ? 0 : arena->ends[first - 1];
  long line_feeds = 0;
  uint32_t problem = 0;
  if (field_scan_row(arena->bytes + start, (long)(arena->byte_count - start), &line_feeds)) {
    problem = row_text_problem(arena, first);
  }
  field_arena_add_row(arena, first, arena->field_count - first, sink->row_line, problem);
  sink->line += line_feeds;
  sink->in_row = 0;
}

void field_sink_end_row(int terminator, void *context) {
  field_sink *sink = context;
  switch (terminator) {
  case '\r':
    field_sink_finish_row(sink);
    sink->line++;
    sink->last_terminator_was_cr = 1;
    break;
  case '\n':
    if (sink->last_terminator_was_cr && !sink->in_row) {
      sink->last_terminator_was_cr = 0;  // the LF of a CRLF pair: the line was counted at CR
    } else {
      field_sink_finish_row(sink);
      sink->line++;
    }
    break;
  default:  // -1: the end of the input without a final line break
    field_sink_finish_row(sink);
  }
}
