// The ICU side of ICUBridge: see include/icu_bridge.h for the why.
#include <sys/mman.h>
#include "icu_bridge.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/uclean.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

const char *zh_error_name(int code) { return u_errorName((UErrorCode)code); }

void zh_icu_version(char *out, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    strncpy(out, text, (size_t)capacity);
    if (capacity > 0) out[capacity - 1] = 0;
}

// ---- Break iteration -------------------------------------------------------

void *zh_break_open(int kind, const char *locale, int *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, &status);
    *error = status;
    return U_FAILURE(status) ? NULL : bi;
}

void *zh_break_clone(const void *breaker, int *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_clone((const UBreakIterator *)breaker, &status);
    *error = status;
    return U_FAILURE(status) ? NULL : bi;
}

void zh_break_close(void *breaker) { if (breaker) ubrk_close((UBreakIterator *)breaker); }

int zh_sentence_break(uint32_t c) { return u_getIntPropertyValue((UChar32)c, UCHAR_SENTENCE_BREAK); }

/* Whether ICU's word iterator `bi` makes text[at] a segment of its own with
   rule status 0. */
static int isolated_in(UBreakIterator *bi, const UChar *text, int32_t length, int32_t at) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(bi, text, length, &status);
    if (U_FAILURE(status)) return 0;
    if (at > 0 && !ubrk_isBoundary(bi, at)) return 0;
    if (!ubrk_isBoundary(bi, at + 1)) return 0;
    return ubrk_following(bi, at) == at + 1 && ubrk_getRuleStatus(bi) == 0;
}

/* Characters probed: ASCII, Latin-1 punctuation, general punctuation and
   symbols, CJK symbols and punctuation, full-width forms. Others: 0. */
static int probed(UChar32 c) {
    return (c >= 0x09 && c <= 0x7E) || (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7
        || (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE6F)
        || (c >= 0xFF01 && c <= 0xFFEF);
}

int zh_word_isolated(uint32_t c) {
    UChar32 ch = (UChar32)c;
    if (!probed(ch) || u_isalnum(ch)) return 0;
    if (u_hasBinaryProperty(ch, UCHAR_EXTENDED_PICTOGRAPHIC)) return 0;
    if (u_charType(ch) == U_UNASSIGNED) return 0;
    static UBreakIterator *bi = NULL;
    if (!bi) {
        UErrorCode status = U_ZERO_ERROR;
        bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &status);
        if (U_FAILURE(status)) { bi = NULL; return 0; }
    }
    const UChar x = (UChar)ch, mask = 0xE000, run = 0x0300;
    /* Between masked Han runs, and between Han runs masked by a run mark. */
    const UChar han[] = { mask, run, x, mask, run };
    if (!isolated_in(bi, han, 5, 2)) return 0;
    /* Doubled: two segments, or one run of spaces (WB3d). */
    const UChar twice[] = { mask, x, x, mask };
    int joinsItself = !isolated_in(bi, twice, 4, 1) || !isolated_in(bi, twice, 4, 2);
    if (joinsItself) {
        UErrorCode status = U_ZERO_ERROR;
        ubrk_setText(bi, twice, 4, &status);
        int oneRun = U_SUCCESS(status) && ubrk_isBoundary(bi, 1) && !ubrk_isBoundary(bi, 2) && ubrk_isBoundary(bi, 3);
        return oneRun && u_getIntPropertyValue(ch, UCHAR_WORD_BREAK) == U_WB_WSEGSPACE ? 3 : 0;
    }
    /* Next to ASCII letters and digits, on either side or both. */
    static const UChar neighbours[] = { 'a', 'Z', '1' };
    int joins = 0;
    for (int i = 0; i < 3; i++) {
        const UChar n = neighbours[i];
        const UChar both[] = { n, x, n }, before[] = { n, x, mask }, after[] = { mask, x, n };
        if (!isolated_in(bi, before, 3, 1) || !isolated_in(bi, after, 3, 1)) return 0;
        if (!isolated_in(bi, both, 3, 1)) joins |= n == '1' ? 4 : 2;
    }
    return joins ? joins : 1;
}

static int32_t collect(UBreakIterator *bi, int32_t *boundaries, int32_t *statuses, int32_t capacity) {
    int32_t n = 0;
    int32_t position = ubrk_first(bi);
    while (position != UBRK_DONE) {
        if (n < capacity) {
            boundaries[n] = position;
            if (statuses) statuses[n] = n == 0 ? 0 : ubrk_getRuleStatus(bi);
        }
        n++;
        position = ubrk_next(bi);
    }
    return n;
}

int32_t zh_break_utf16(void *breaker, const uint16_t *text, int32_t length,
                       int32_t *boundaries, int32_t *statuses, int32_t capacity, int *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = (UBreakIterator *)breaker;
    ubrk_setText(bi, (const UChar *)text, length, &status);
    *error = status;
    if (U_FAILURE(status)) return 0;
    return collect(bi, boundaries, statuses, capacity);
}

int32_t zh_break_utf8(void *breaker, const char *text, int64_t length,
                      int64_t *boundaries, int32_t *statuses, int32_t capacity, int *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = (UBreakIterator *)breaker;
    UText *ut = utext_openUTF8(NULL, text, length, &status);
    if (U_FAILURE(status)) { *error = status; return 0; }
    ubrk_setUText(bi, ut, &status);
    if (U_FAILURE(status)) { *error = status; utext_close(ut); return 0; }
    int32_t n = 0;
    int32_t position = ubrk_first(bi);
    while (position != UBRK_DONE) {
        if (n < capacity) {
            boundaries[n] = position;
            if (statuses) statuses[n] = n == 0 ? 0 : ubrk_getRuleStatus(bi);
        }
        n++;
        position = ubrk_next(bi);
    }
    // Detach the iterator from the UText before closing it.
    static const UChar empty[1] = {0};
    ubrk_setText(bi, empty, 0, &status);
    utext_close(ut);
    *error = U_ZERO_ERROR;
    return n;
}

// ---- Charset detection -----------------------------------------------------

int32_t zh_detect(const char *bytes, int32_t length, const char *declared,
                  char *names, int32_t *confidences, int32_t max, int *error) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) { *error = status; return 0; }
    ucsdet_setText(detector, bytes, length, &status);
    if (declared && *declared) ucsdet_setDeclaredEncoding(detector, declared, -1, &status);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector, &found, &status);
    int32_t n = 0;
    if (U_SUCCESS(status)) {
        for (int32_t i = 0; i < found && n < max; i++) {
            UErrorCode inner = U_ZERO_ERROR;
            const char *name = ucsdet_getName(matches[i], &inner);
            int32_t confidence = ucsdet_getConfidence(matches[i], &inner);
            if (U_FAILURE(inner) || !name) continue;
            strncpy(names + 32 * n, name, 31);
            names[32 * n + 31] = 0;
            confidences[n] = confidence;
            n++;
        }
    }
    ucsdet_close(detector);
    *error = status;
    return n;
}

// ---- Converters ------------------------------------------------------------

void *zh_conv_open(const char *name, int *error) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(name, &status);
    *error = status;
    return U_FAILURE(status) ? NULL : conv;
}

void zh_conv_close(void *converter) { if (converter) ucnv_close((UConverter *)converter); }

void zh_conv_name(void *converter, char *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const char *name = ucnv_getName((UConverter *)converter, &status);
    strncpy(out, U_SUCCESS(status) && name ? name : "", (size_t)capacity);
    if (capacity > 0) out[capacity - 1] = 0;
}

typedef struct {
    const char *start;
    int32_t *offsets;
    int32_t capacity;
    int32_t count;
} bad_bytes;

// Records where each illegal or unmappable sequence starts, then substitutes U+FFFD.
static void record_bad_bytes(const void *context, UConverterToUnicodeArgs *args, const char *units,
                             int32_t length, UConverterCallbackReason reason, UErrorCode *status) {
    bad_bytes *bad = (bad_bytes *)context;
    if (reason == UCNV_ILLEGAL || reason == UCNV_UNASSIGNED || reason == UCNV_IRREGULAR) {
        int32_t offset = (int32_t)(args->source - bad->start) - length;
        if (bad->count < bad->capacity) bad->offsets[bad->count] = offset;
        bad->count++;
        static const UChar replacement[1] = {0xFFFD};
        *status = U_ZERO_ERROR;
        ucnv_cbToUWriteUChars(args, replacement, 1, 0, status);
    }
    (void)units;
}

int32_t zh_conv_to_utf16(void *converter, const char *bytes, int32_t length,
                         uint16_t *out, int32_t capacity,
                         int32_t *bad_offsets, int32_t bad_capacity, int32_t *bad_count, int *error) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = (UConverter *)converter;
    bad_bytes bad = { bytes, bad_offsets, bad_capacity, 0 };
    ucnv_reset(conv);
    ucnv_setToUCallBack(conv, record_bad_bytes, &bad, NULL, NULL, &status);
    if (U_FAILURE(status)) { *error = status; return 0; }
    UChar *target = (UChar *)out;
    const char *source = bytes;
    ucnv_toUnicode(conv, &target, (UChar *)out + capacity, &source, bytes + length, NULL, 1, &status);
    *bad_count = bad.count;
    *error = status;
    return (int32_t)(target - (UChar *)out);
}

int32_t zh_conv_from_utf16(void *converter, const uint16_t *text, int32_t length,
                           char substitute, char *out, int32_t capacity, int *error) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = (UConverter *)converter;
    ucnv_reset(conv);
    ucnv_setSubstChars(conv, &substitute, 1, &status);
    ucnv_setFromUCallBack(conv, UCNV_FROM_U_CALLBACK_SUBSTITUTE, NULL, NULL, NULL, &status);
    if (U_FAILURE(status)) { *error = status; return 0; }
    char *target = out;
    const UChar *source = (const UChar *)text;
    ucnv_fromUnicode(conv, &target, out + capacity, &source, (const UChar *)text + length, NULL, 1, &status);
    *error = status;
    return (int32_t)(target - out);
}

// ---- Transliteration -------------------------------------------------------

void *zh_translit_open(const char *id, int *error) {
    UErrorCode status = U_ZERO_ERROR;
    UChar wide[128];
    int32_t n = 0;
    for (; id[n] && n < 127; n++) wide[n] = (UChar)(unsigned char)id[n];
    UTransliterator *t = utrans_openU(wide, n, UTRANS_FORWARD, NULL, 0, NULL, &status);
    *error = status;
    return U_FAILURE(status) ? NULL : t;
}

void zh_translit_close(void *transliterator) { if (transliterator) utrans_close((UTransliterator *)transliterator); }

int32_t zh_translit_utf16(void *transliterator, uint16_t *text, int32_t *length, int32_t capacity, int *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t limit = *length;
    int32_t textLength = *length;
    utrans_transUChars((const UTransliterator *)transliterator, (UChar *)text, &textLength, capacity, 0, &limit, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) { *error = U_ZERO_ERROR; return textLength; }
    *error = status;
    *length = textLength;
    return 0;
}

// ---- Memory hints -----------------------------------------------------------

void zh_advise_huge_pages(void *address, uint64_t length) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t start = ((uintptr_t)address + huge - 1) & ~(huge - 1);
    uintptr_t end = ((uintptr_t)address + length) & ~(huge - 1);
    if (end > start) (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
    (void)address; (void)length;
#endif
}
