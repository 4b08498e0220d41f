#ifndef SKILLPATH_CSQLITE_SHIM_H
#define SKILLPATH_CSQLITE_SHIM_H

#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast macro Swift cannot import; defined once here.
static inline sqlite3_destructor_type skillpath_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

/// sqlite3_config and sqlite3_db_config are variadic; Swift cannot call them directly.
static inline int skillpath_sqlite_db_config_int(sqlite3 *db, int op, int value, int *result) {
    return sqlite3_db_config(db, op, value, result);
}

#endif
