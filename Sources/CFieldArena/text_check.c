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
