// ICUBridge: the C calls zhpipe makes into ICU, with no ICU type in sight.
//
// Why C: ICU's headers rename every function with a version macro
// (ubrk_open -> ubrk_open_72) that Swift does not import, and Foundation on
// Linux carries its own ICU module whose types clash with the system
// headers. Keeping ICU inside this C target sidesteps both. Calls are bulk
// (a whole buffer per call) so the Swift side crosses the boundary once per
// record, not once per token.
//
// Error codes are ICU's UErrorCode values as plain ints: > 0 is a failure,
// <= 0 is success (warnings such as U_USING_DEFAULT_WARNING are negative).
#ifndef ZHPIPE_ICU_BRIDGE_H
#define ZHPIPE_ICU_BRIDGE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A human-readable name for an ICU error code.
const char *zh_error_name(int code);

/// The ICU version string, e.g. "72.1".
void zh_icu_version(char *out, int32_t capacity);

// ---- Break iteration -----------------------------------------------------

enum zh_break_kind { ZH_BREAK_CHARACTER = 0, ZH_BREAK_WORD = 1, ZH_BREAK_LINE = 2, ZH_BREAK_SENTENCE = 3 };

/// Opens a break iterator; NULL on failure with *error > 0.
void *zh_break_open(int kind, const char *locale, int *error);
/// A thread-private copy of an open iterator (iterators are not thread-safe).
void *zh_break_clone(const void *breaker, int *error);
void zh_break_close(void *breaker);
/// The character's Sentence_Break property value (ICU's USentenceBreak).
int zh_sentence_break(uint32_t c);
/// How ICU's "zh" word iterator treats the character, found by asking it
/// (ICU's rules tailor Unicode's: `@` joins letters, for one): 1 when it is
/// a segment of its own with rule status 0 between Han runs (masked as the
/// segmenter masks them), next to ASCII letters or digits, and doubled; 2,
/// 4 or 6 the same except between two ASCII letters (2: . ' join a.b,
/// don't), two digits (4: , ; join 1,000) or either (6: . joins 3.5 and
/// a.b); 3 a space whose runs are one segment (WB3d); 0 otherwise, or when not
/// probed (letters, digits, pictographs, characters outside punctuation and
/// symbol blocks). Keeps one iterator of its own: call from one thread
/// (IsolatedCharacters asks once per character, at start-up).
int zh_word_isolated(uint32_t c);

/// Breaks a UTF-16 buffer. Writes every boundary (0 first, length last) in
/// UTF-16 offsets, and for each boundary after the first the rule status of
/// the segment that ends there (`statuses` may be NULL). Returns the number of
/// boundaries; if that exceeds `capacity` only `capacity` are written
/// (length + 1 always suffices).
int32_t zh_break_utf16(void *breaker, const uint16_t *text, int32_t length,
                       int32_t *boundaries, int32_t *statuses, int32_t capacity, int *error);

/// The same over UTF-8 bytes through UText; boundaries are byte offsets.
int32_t zh_break_utf8(void *breaker, const char *text, int64_t length,
                      int64_t *boundaries, int32_t *statuses, int32_t capacity, int *error);

// ---- Charset detection ---------------------------------------------------

/// Detects the charset of a byte buffer. Writes up to `max` candidates, best
/// first: names as NUL-terminated strings in `names` (32 bytes each),
/// confidences 0..100. Returns the number written.
int32_t zh_detect(const char *bytes, int32_t length, const char *declared,
                  char *names, int32_t *confidences, int32_t max, int *error);

// ---- Converters -----------------------------------------------------------

/// Opens a converter by ICU name or alias ("GB18030", "Big5-HKSCS", "windows-1252").
void *zh_conv_open(const char *name, int *error);
void zh_conv_close(void *converter);
/// The canonical name of an open converter.
void zh_conv_name(void *converter, char *out, int32_t capacity);

/// Decodes `length` bytes into UTF-16. Illegal or unmappable input becomes
/// U+FFFD; the byte offset of each such sequence is written to
/// `bad_offsets` (up to `bad_capacity`, total count in *bad_count). Returns
/// the UTF-16 length, which fits in 2 * length + 2 units.
int32_t zh_conv_to_utf16(void *converter, const char *bytes, int32_t length,
                         uint16_t *out, int32_t capacity,
                         int32_t *bad_offsets, int32_t bad_capacity, int32_t *bad_count, int *error);

/// Encodes UTF-16 into the converter's charset. Characters the charset cannot
/// hold become `substitute` (a single byte, e.g. '?'). Returns the byte
/// length, which fits in 4 * length + 4 bytes.
int32_t zh_conv_from_utf16(void *converter, const uint16_t *text, int32_t length,
                           char substitute, char *out, int32_t capacity, int *error);

// ---- Transliteration -------------------------------------------------------

/// Opens a transliterator by ID ("Traditional-Simplified", "Han-Latin").
void *zh_translit_open(const char *id, int *error);
void zh_translit_close(void *transliterator);
/// Transliterates in place; `*length` is updated. Returns 0 or, when the
/// result would not fit, the capacity needed.
int32_t zh_translit_utf16(void *transliterator, uint16_t *text, int32_t *length, int32_t capacity, int *error);

// ---- Memory hints -----------------------------------------------------------

/// Asks the CPU to start loading the cache line at `address` (a hint; it
/// never faults). Swift has no prefetch of its own; the segmenter's word
/// table is far larger than the cache, and its look-ups are issued ahead.
static inline void zh_prefetch(const void *address) { __builtin_prefetch(address, 0, 1); }

/// Asks the kernel to back the whole 2 MB pages inside [address, address +
/// length) with huge pages (Linux transparent huge pages, where enabled; a
/// hint, ignored elsewhere). Call before the memory is first written. The
/// word tables are tens of megabytes read at random: with 4 KB pages nearly
/// every look-up also misses the TLB.
void zh_advise_huge_pages(void *address, uint64_t length);

#ifdef __cplusplus
}
#endif
#endif
