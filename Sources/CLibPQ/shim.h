// libpq, the reference PostgreSQL client (Debian: libpq-dev).
#include <libpq-fe.h>
