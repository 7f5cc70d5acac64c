#ifndef NEWSROOM_CNCURSES_SHIM_H
#define NEWSROOM_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D flags: ask for the wide-character API here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>

// C macros Swift cannot import, wrapped as functions.
static inline int nr_a_bold(void) { return (int)A_BOLD; }
static inline int nr_a_reverse(void) { return (int)A_REVERSE; }
static inline int nr_a_underline(void) { return (int)A_UNDERLINE; }
static inline int nr_a_dim(void) { return (int)A_DIM; }
static inline int nr_a_normal(void) { return (int)A_NORMAL; }
static inline int nr_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int nr_lines(void) { return LINES; }
static inline int nr_cols(void) { return COLS; }
static inline WINDOW *nr_stdscr(void) { return stdscr; }
static inline unsigned long nr_all_mouse_events(void) { return (unsigned long)ALL_MOUSE_EVENTS; }
static inline unsigned long nr_button1_clicked(void) { return (unsigned long)BUTTON1_CLICKED; }
static inline unsigned long nr_button1_pressed(void) { return (unsigned long)BUTTON1_PRESSED; }
static inline unsigned long nr_button4_pressed(void) { return (unsigned long)BUTTON4_PRESSED; }
static inline unsigned long nr_button1_released(void) { return (unsigned long)BUTTON1_RELEASED; }
static inline unsigned long nr_report_mouse_position(void) { return (unsigned long)REPORT_MOUSE_POSITION; }
static inline int nr_key_code_yes(void) { return KEY_CODE_YES; }
static inline int nr_ok(void) { return OK; }
/// The terminal's current size without the LINES/COLS globals.
static inline void nr_screen_size(int *rows, int *cols) { getmaxyx(stdscr, *rows, *cols); }
// Thin wrappers over calls that are macros in some ncurses builds.
static inline void nr_attrset(int a) { attrset(a); }
static inline void nr_timeout(int ms) { timeout(ms); }
static inline int nr_keypad(int on) { return keypad(stdscr, on ? TRUE : FALSE); }
static inline int nr_mvaddnwstr(int y, int x, const wchar_t *s, int n) { return mvaddnwstr(y, x, s, n); }
static inline int nr_get_wch(wint_t *c) { return get_wch(c); }
static inline int nr_leaveok(int on) { return leaveok(stdscr, on ? TRUE : FALSE); }
#if NCURSES_MOUSE_VERSION > 1
static inline unsigned long nr_button5_pressed(void) { return (unsigned long)BUTTON5_PRESSED; }
#else
static inline unsigned long nr_button5_pressed(void) { return 0; }
#endif
#endif
