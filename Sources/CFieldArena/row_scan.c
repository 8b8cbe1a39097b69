#include "CFieldArena.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int field_scan_row(const unsigned char *bytes, long count, long *line_feeds) {
  long feeds = 0;
  int unusual = 0;
  long index = 0;
#if defined(__SSE2__)
  const __m128i feed = _mm_set1_epi8(0x0A);
  const __m128i zero = _mm_setzero_si128();
  for (; index + 16 <= count; index += 16) {
    __m128i block = _mm_loadu_si128((const __m128i *)(bytes + index));
    unsigned found = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(block, feed));
    if (found) feeds += __builtin_popcount(found);  // line feeds inside fields are rare
    unusual |= _mm_movemask_epi8(_mm_cmpeq_epi8(block, zero)) | _mm_movemask_epi8(block);
  }
  if (index < count && count >= 16) {
    // The last bytes: the 16 that end the row, counting only the lanes not yet seen.
    unsigned keep = 0xFFFFu & ~((1u << (16 - (count - index))) - 1u);
    __m128i block = _mm_loadu_si128((const __m128i *)(bytes + count - 16));
    unsigned found = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(block, feed)) & keep;
    if (found) feeds += __builtin_popcount(found);
    unusual |= (_mm_movemask_epi8(_mm_cmpeq_epi8(block, zero)) | _mm_movemask_epi8(block)) & keep;
    index = count;
  }
#endif
  for (; index < count; index++) {
    unsigned char byte = bytes[index];
    feeds += byte == 0x0A;
    unusual |= (byte == 0) | (byte >> 7);
  }
  *line_feeds = feeds;
  return unusual != 0;
}
