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

void field_sink_finish_row(field_sink *sink) {
  if (!sink->in_row) return;
  field_arena *arena = sink->arena;
  size_t first = sink->row_first_field;
  size_t start = first == 0 ? 0 : arena->ends[first - 1];
  long line_feeds = 0;
  int unusual = field_scan_row(arena->bytes + start, (long)(arena->byte_count - start), &line_feeds);
  field_arena_add_row(arena, first, arena->field_count - first, sink->row_line, unusual ? FIELD_ROW_UNUSUAL : 0);
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
