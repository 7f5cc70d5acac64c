#ifndef NEWSROOM_FUZZ_DRIVER_H
#define NEWSROOM_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry point. Weak, so that an ordinary build (no -sanitize=fuzzer)
// links and the harness can say how to build it for fuzzing.
__attribute__((weak)) int LLVMFuzzerRunDriver(int *argc, char ***argv,
                                              int (*callback)(const uint8_t *data, size_t size));

static inline int nr_fuzzer_linked(void) { return LLVMFuzzerRunDriver != 0; }
#endif
