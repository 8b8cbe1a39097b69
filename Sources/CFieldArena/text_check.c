#include "CFieldArena.h"

#include <string.h>

int field_is_valid_utf8(const unsigned char *bytes, size_t count) {
  size_t index = 0;
  while (index < count) {
    // ASCII eight bytes at a time.
    while (index + 8 <= count) {
      uint64_t word;
      memcpy(&word, bytes + index, 8);
      if (word & 0x8080808080808080ull) break;
      index += 8;
    }
    if (index == count) break;
    unsigned char lead = bytes[index];
    if (lead < 0x80) {
      index++;
      continue;
    }
    size_t continuations;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      continuations = 1;
    } else if (lead == 0xE0) {
      continuations = 2;
      low = 0xA0;
    } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
      continuations = 2;
    } else if (lead == 0xED) {
      continuations = 2;
      high = 0x9F;
    } else if (lead == 0xF0) {
      continuations = 3;
      low = 0x90;
    } else if (lead >= 0xF1 && lead <= 0xF3) {
      continuations = 3;
    } else if (lead == 0xF4) {
      continuations = 3;
      high = 0x8F;
    } else {
      return 0;
    }
    if (index + continuations >= count || bytes[index + 1] < low || bytes[index + 1] > high) return 0;
    for (size_t offset = 2; offset <= continuations; offset++) {
      if ((bytes[index + offset] & 0xC0) != 0x80) return 0;
    }
    index += continuations + 1;
  }
  return 1;
}

uint32_t field_text_problem(const unsigned char *bytes, size_t count) {
  int unusual = 0;
  for (size_t index = 0; index < count; index++) unusual |= (bytes[index] == 0) | (bytes[index] >> 7);
  if (!unusual) return 0;
  if (memchr(bytes, 0, count) != NULL) return FIELD_ROW_NUL_BYTE;
  if (!field_is_valid_utf8(bytes, count)) return FIELD_ROW_INVALID_UTF8;
  for (size_t index = 0; index + 2 < count; index++) {
    if (bytes[index] == 0xEF && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF) return FIELD_ROW_BYTE_ORDER_MARK;
  }
  return 0;
}

/// The first text problem of the fields of `row` (whose scan found a NUL or non-ASCII byte). Most such rows just have an accented name: the row is checked as a whole
/// first, and field by field only when that finds something.
static uint32_t row_text_problem(const field_arena *arena, const field_row *row) {
  size_t first = row->first_field, end = first + row->field_count;
  size_t start = first == 0 ? 0 : arena->ends[first - 1];
  const unsigned char *bytes = arena->bytes + start;
  size_t count = (end == 0 ? 0 : arena->ends[end - 1]) - start;
  // The row as a whole is well-formed with no NUL or byte-order-mark lead byte, and no field
  // starts inside a sequence: then every field is well-formed on its own.
  int clean = memchr(bytes, 0, count) == NULL && memchr(bytes, 0xEF, count) == NULL && field_is_valid_utf8(bytes, count);
  for (size_t field = first + 1; clean && field < end; field++) {
    size_t from = arena->ends[field - 1];
    clean = from == start + count || (arena->bytes[from] & 0xC0) != 0x80;
  }
  if (clean) return 0;
  uint32_t problem = 0;
  for (size_t field = first; field < end && problem == 0; field++) {
    size_t from = field == 0 ? 0 : arena->ends[field - 1];
    problem = field_text_problem(arena->bytes + from, arena->ends[field] - from);
  }
  return problem;
}

void field_arena_check_text(field_arena *arena) {
  if (arena->unusual_rows == 0) return;
  for (size_t index = 0; index < arena->row_count; index++) {
    field_row *row = &arena->rows[index];
    if (!(row->flags & FIELD_ROW_UNUSUAL)) continue;
    row->flags = (row->flags & ~FIELD_ROW_UNUSUAL) | row_text_problem(arena, row);
  }
  arena->unusual_rows = 0;
}
