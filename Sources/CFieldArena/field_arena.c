#include "CFieldArena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *allocate(void *old, size_t size) {
  void *memory = realloc(old, size);
  if (memory == NULL) {
    fputs("referral-report: out of memory while reading CSV\n", stderr);
    abort();
  }
  return memory;
}

void field_arena_init(field_arena *arena, size_t bytes, size_t fields, size_t rows) {
  arena->bytes = allocate(NULL, bytes + FIELD_ARENA_SLACK);
  arena->byte_count = 0;
  arena->byte_capacity = bytes;
  arena->ends = allocate(NULL, fields * sizeof(uint32_t));
  arena->field_count = 0;
  arena->end_capacity = fields;
  arena->rows = allocate(NULL, rows * sizeof(field_row));
  arena->row_count = 0;
  arena->row_capacity = rows;
  arena->unusual_rows = 0;
}

void field_arena_free(field_arena *arena) {
  free(arena->bytes);
  free(arena->ends);
  free(arena->rows);
  arena->bytes = NULL;
  arena->ends = NULL;
  arena->rows = NULL;
}

static void grow_bytes(field_arena *arena, size_t needed) {
  size_t capacity = arena->byte_capacity * 2;
  while (capacity < needed) capacity *= 2;
  // Field ends are 32-bit: a batch holds one chunk and one row, far below 4 GiB.
  if (capacity > UINT32_MAX) {
    fputs("referral-report: CSV batch over 4 GiB\n", stderr);
    abort();
  }
  arena->bytes = allocate(arena->bytes, capacity + FIELD_ARENA_SLACK);
  arena->byte_capacity = capacity;
}

void field_arena_append(field_arena *arena, const void *data, size_t length) {
  if (data == NULL) length = 0;
  if (arena->byte_count + length > arena->byte_capacity) grow_bytes(arena, arena->byte_count + length);
  if (arena->field_count == arena->end_capacity) {
    arena->end_capacity *= 2;
    arena->ends = allocate(arena->ends, arena->end_capacity * sizeof(uint32_t));
  }
  if (length > 0) memcpy(arena->bytes + arena->byte_count, data, length);
  arena->byte_count += length;
  arena->ends[arena->field_count++] = (uint32_t)arena->byte_count;
}

size_t field_arena_add_row(field_arena *arena, size_t first_field, size_t field_count, int64_t line, uint32_t flags) {
  if (arena->row_count == arena->row_capacity) {
    arena->row_capacity *= 2;
    arena->rows = allocate(arena->rows, arena->row_capacity * sizeof(field_row));
  }
  field_row *row = &arena->rows[arena->row_count];
  row->first_field = (uint32_t)first_field;
  row->field_count = (uint32_t)field_count;
  row->line = line;
  row->flags = flags;
  if (flags & FIELD_ROW_UNUSUAL) arena->unusual_rows++;
  return arena->row_count++;
}

void field_arena_shift_lines(field_arena *arena, int64_t offset) {
  for (size_t index = 0; index < arena->row_count; index++) arena->rows[index].line += offset;
}
