// System-library target over ICU (libicu-dev). Swift never imports this module
// directly: ICU renames its functions with version macros (ubrk_open ->
// ubrk_open_72) that Swift cannot see, so all calls go through the C target
// ICUBridge, whose public header names no ICU type.
#include <unicode/utypes.h>
