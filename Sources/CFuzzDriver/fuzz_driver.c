// Empty: the target only exports the header (SwiftPM needs one source file).
#include "fuzz_driver.h"
