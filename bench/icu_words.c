// icu_words: the speed reference for `zhpipe segment` in `make bench`.
//
// Reads text (one paragraph a line, UTF-8), breaks every line into words
// with ICU's word break iterator for "zh" (the same ICU the pipeline links),
// reads each boundary's rule status, and prints the number of words. By
// default each line is converted to UTF-16 once, as zhpipe does; --utext
// breaks the UTF-8 bytes through a UText instead. This is raw ICU with no
// JSON, no lexicon and no output of tokens: the floor a segmenter built on
// ICU cannot beat.
//
// Build: cc -O2 -o bench/bin/icu_words bench/icu_words.c $(pkg-config --cflags --libs icu-uc icu-i18n)
// Usage: icu_words [--utext] FILE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

int main(int argc, char **argv) {
    int use_utext = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--utext") == 0) use_utext = 1;
        else path = argv[i];
    }
    if (!path) { fprintf(stderr, "usage: icu_words [--utext] FILE\n"); return 64; }
    FILE *in = fopen(path, "rb");
    if (!in) { perror(path); return 66; }

    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &status);
    if (U_FAILURE(status)) { fprintf(stderr, "ubrk_open: %s\n", u_errorName(status)); return 70; }

    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    UChar *u16 = NULL;
    int32_t u16cap = 0;
    long long words = 0, statuses = 0;
    UText *ut = NULL;
    while ((len = getline(&line, &cap, in)) > 0) {
        if (line[len - 1] == '\n') len--;
        status = U_ZERO_ERROR;
        if (use_utext) {
            ut = utext_openUTF8(ut, line, len, &status);
            ubrk_setUText(bi, ut, &status);
        } else {
            if (u16cap < len + 1) {
                u16cap = (int32_t)(len + 1) * 2;
                u16 = realloc(u16, sizeof(UChar) * u16cap);
            }
            int32_t n16 = 0;
            u_strFromUTF8WithSub(u16, u16cap, &n16, line, (int32_t)len, 0xFFFD, NULL, &status);
            ubrk_setText(bi, u16, n16, &status);
        }
        if (U_FAILURE(status)) { fprintf(stderr, "setText: %s\n", u_errorName(status)); return 70; }
        ubrk_first(bi);
        while (ubrk_next(bi) != UBRK_DONE) {
            words++;
            statuses += ubrk_getRuleStatus(bi) != 0;
        }
    }
    printf("%lld words (%lld with a rule status)\n", words, statuses);
    if (ut) utext_close(ut);
    ubrk_close(bi);
    free(u16);
    free(line);
    fclose(in);
    return 0;
}
