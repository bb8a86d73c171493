/* tov-search.c: one search across a portfolio, with SQLite FTS5.
 *
 * Migration step 3 keeps the table search_index: one row for every
 * project, decision, initiative, partnership, organisation and status
 * update, written by triggers in the same transaction as the record. A
 * row's rowid is its kind's number << 40 plus its record's rowid, so that
 * each kind is a range of rowids that can be read on its own.
 *
 * The user's words never reach FTS5 as syntax. Each word is split into
 * tokens the way the unicode61 tokenizer splits it, the tokens are quoted,
 * the last one of a word becomes a prefix, and the words are ANDed: what a
 * user types can only ever find less, never fail.
 *
 * Two things FTS5 does would cost more than a keystroke on a large
 * portfolio, and are done differently here:
 *
 * - A prefix longer than the prefix indexes (2, 3 and 4 characters), such
 *   as "sundhed", makes FTS5 merge the lists of every word it begins,
 *   again for every cursor. The index's vocabulary turns it into those
 *   words instead ("sundhed" OR "sundhedscentrets" OR …), which FTS5
 *   reads lazily, seeking to the rowids it needs.
 * - bm25() first counts, for every phrase, all the rows that hold it. So a
 *   search reads the newest CANDIDATES matches of each kind, and when a
 *   kind has more, also its newest CANDIDATES whose title matches, and
 *   ranks those itself with the same formula, less the rarity of each
 *   word. Whenever a kind has fewer matches than that, which is so for any
 *   search precise enough to rank, every match is ranked.
 *
 * One letter begins too many words to be a prefix: a word of one letter
 * is searched whole, and while it is the last thing typed after other
 * words it waits for the next letter. Æ, ø and å are letters of their
 * own, so "Rødovre" does not find "Rodovre".
 *
 * Hits carry plain text and the positions of the matches, found with the
 * same tokenizer rules; their markup is escaped text and <b>, so nothing
 * a user or a record says is ever taken for markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-search"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tov-date.h"
#include "tov-records.h"
#include "tov-search.h"
#include "tov-store-private.h"

/* Matches of each kind read for ranking, per cursor (any text, title). */
#define CANDIDATES 32
/* A long prefix is searched as the words it begins, up to this many. */
#define MAX_EXPANSION 32
/* Words of a search, and tokens of a word, past these are ignored. */
#define MAX_WORDS 16
#define MAX_TOKENS 16
/* The length of a snippet, in words. */
#define SNIPPET_TOKENS 14
/* BM25's constants, and the average lengths it compares a text with. */
#define BM25_K1 1.2
#define BM25_B 0.75
#define TITLE_WEIGHT 4.0
#define TITLE_LENGTH 8.0
#define BODY_LENGTH 150.0
/* A word that only begins with what was typed counts for less. */
#define PREFIX_WEIGHT 0.6

/* The kinds, in the order of their rowid ranges and of the results. */
static const struct
{
  const char *table;
  gboolean has_title;
} kinds[] = {
  { "project", TRUE },
  { "decision", TRUE },
  { "initiative", TRUE },
  { "partnership", TRUE },
  { "organisation", TRUE },
  { "status_update", FALSE },
};

#define N_KINDS G_N_ELEMENTS (kinds)

/* TovSearchHit ------------------------------------------------------------ */

struct _TovSearchHit
{
  GObject parent_instance;

  GType kind;
  char *record_id;
  char *title;
  char *title_markup;
  char *snippet;
  char *snippet_markup;
};

G_DEFINE_FINAL_TYPE (TovSearchHit, tov_search_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_RECORD_ID,
  PROP_TITLE,
  PROP_TITLE_MARKUP,
  PROP_SNIPPET,
  PROP_SNIPPET_MARKUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tov_search_hit_finalize (GObject *object)
{
  TovSearchHit *self = TOV_SEARCH_HIT (object);

  g_free (self->record_id);
  g_free (self->title);
  g_free (self->title_markup);
  g_free (self->snippet);
  g_free (self->snippet_markup);

  G_OBJECT_CLASS (tov_search_hit_parent_class)->finalize (object);
}

static void
tov_search_hit_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TovSearchHit *self = TOV_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_gtype (value, self->kind);
      break;

    case PROP_RECORD_ID:
      g_value_set_string (value, self->record_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TITLE_MARKUP:
      g_value_set_string (value, self->title_markup);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    case PROP_SNIPPET_MARKUP:
      g_value_set_string (value, self->snippet_markup);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_search_hit_class_init (TovSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tov_search_hit_finalize;
  object_class->get_property = tov_search_hit_get_property;

  properties[PROP_KIND] = g_param_spec_gtype ("kind", NULL, NULL, TOV_TYPE_RECORD, flags);
  properties[PROP_RECORD_ID] = g_param_spec_string ("record-id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_TITLE_MARKUP] = g_param_spec_string ("title-markup", NULL, NULL, NULL, flags);
  properties[PROP_SNIPPET] = g_param_spec_string ("snippet", NULL, NULL, NULL, flags);
  properties[PROP_SNIPPET_MARKUP] = g_param_spec_string ("snippet-markup", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tov_search_hit_init (TovSearchHit *self)
{
}

/**
 * tov_search_hit_get_kind:
 *
 * Returns: the record type of the hit, e.g. %TOV_TYPE_PROJECT
 */
GType
tov_search_hit_get_kind (TovSearchHit *self)
{
  g_return_val_if_fail (TOV_IS_SEARCH_HIT (self), G_TYPE_INVALID);

  return self->kind;
}

const char *
tov_search_hit_get_record_id (TovSearchHit *self)
{
  g_return_val_if_fail (TOV_IS_SEARCH_HIT (self), NULL);

  return self->record_id;
}

/**
 * tov_search_hit_get_title:
 *
 * Returns: what names the record: a title or a name, a decision's number
 *   and text, a status update's date and subject. Plain text.
 */
const char *
tov_search_hit_get_title (TovSearchHit *self)
{
  g_return_val_if_fail (TOV_IS_SEARCH_HIT (self), NULL);

  return self->title;
}

/**
 * tov_search_hit_get_title_markup:
 *
 * Returns: the title as Pango markup, with the matches in <b>.
 */
const char *
tov_search_hit_get_title_markup (TovSearchHit *self)
{
  g_return_val_if_fail (TOV_IS_SEARCH_HIT (self), NULL);

  return self->title_markup;
}

/**
 * tov_search_hit_get_snippet:
 *
 * Returns: a line of the record's text around the best match, on one line
 *   and shortened with "…"; empty when the record has no more text than
 *   its title. Plain text.
 */
const char *
tov_search_hit_get_snippet (TovSearchHit *self)
{
  g_return_val_if_fail (TOV_IS_SEARCH_HIT (self), NULL);

  return self->snippet;
}

/**
 * tov_search_hit_get_snippet_markup:
 *
 * Returns: the snippet as Pango markup, with the matches in <b>.
 */
const char *
tov_search_hit_get_snippet_markup (TovSearchHit *self)
{
  g_return_val_if_fail (TOV_IS_SEARCH_HIT (self), NULL);

  return self->snippet_markup;
}

/* Tokens ------------------------------------------------------------------ */

/* The characters unicode61 keeps in a token: its categories "L* N* Co". */
static gboolean
is_token_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);

  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
      return TRUE;

    default:
      return FALSE;
    }
}

static inline gunichar
char_at (const char *p)
{
  return (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
}

/* Walks the tokens of valid UTF-8 text, as unicode61 does with
 * remove_diacritics 0: runs of letters and digits, in lower case.
 */
typedef struct
{
  const char *next;
  const char *start;
  const char *end;
  GString *folded;
} TokenIter;

static void
token_iter_init (TokenIter  *iter,
                 const char *text,
                 GString    *buffer)
{
  iter->next = text;
  iter->start = iter->end = text;
  iter->folded = buffer;
}

static gboolean
token_iter_next (TokenIter *iter)
{
  const char *p = iter->next;

  while (*p != '\0' && !is_token_char (char_at (p)))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    {
      iter->next = p;
      return FALSE;
    }

  iter->start = p;
  g_string_truncate (iter->folded, 0);
  while (*p != '\0')
    {
      gunichar c = char_at (p);

      if (!is_token_char (c))
        break;
      if (c < 0x80)
        g_string_append_c (iter->folded, g_ascii_tolower (c));
      else
        g_string_append_unichar (iter->folded, g_unichar_tolower (c));
      p = g_utf8_next_char (p);
    }
  iter->end = iter->next = p;

  return TRUE;
}

/* The query --------------------------------------------------------------- */

typedef struct
{
  char *text;        /* folded, as in the index */
  gboolean prefix;   /* also matches the words it begins */
} Term;

/* What the user separated with spaces: its tokens must follow each other,
 * as in a case number "14/004488-23", and the last may be a prefix.
 */
typedef struct
{
  GPtrArray *tokens;
  gboolean prefix;
} Word;

typedef struct
{
  GArray *words;     /* Word */
  GArray *terms;     /* Term: every token, for highlights and ranking */
} Query;

static void
clear_word (gpointer data)
{
  g_ptr_array_unref (((Word *) data)->tokens);
}

static void
clear_term (gpointer data)
{
  g_free (((Term *) data)->text);
}

static void
query_free (Query *query)
{
  g_array_unref (query->words);
  g_array_unref (query->terms);
  g_free (query);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Query, query_free)

static gboolean
is_one_letter (const char *token)
{
  return g_utf8_strlen (token, -1) == 1;
}

/* Splits @text into words at white space, and words into tokens.
 *
 * Every word is a prefix, as the words of a search box are, except that
 * for a ranked search one letter begins too many words to be worth it
 * (unless @letters_are_prefixes): a word, or the last part of one, of one
 * letter is searched as a whole word, and while it is the last thing
 * typed, after something else, it is left out until the next keystroke,
 * so that the results do not flicker to nothing.
 *
 * Returns: (nullable): the query, or %NULL when it holds no token
 */
static Query *
query_parse (const char *text,
             gboolean    letters_are_prefixes)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(Query) query = g_new0 (Query, 1);
  const char *p = valid;
  Word *last;

  query->words = g_array_new (FALSE, FALSE, sizeof (Word));
  g_array_set_clear_func (query->words, clear_word);
  query->terms = g_array_new (FALSE, FALSE, sizeof (Term));
  g_array_set_clear_func (query->terms, clear_term);

  while (*p != '\0' && query->words->len < MAX_WORDS)
    {
      const char *start;
      g_autofree char *text_of_word = NULL;
      Word word = { g_ptr_array_new_with_free_func (g_free), TRUE };
      TokenIter iter;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      text_of_word = g_strndup (start, p - start);

      token_iter_init (&iter, text_of_word, buffer);
      while (word.tokens->len < MAX_TOKENS && token_iter_next (&iter))
        g_ptr_array_add (word.tokens, g_strdup (buffer->str));

      if (word.tokens->len == 0)
        g_ptr_array_unref (word.tokens);
      else
        {
          word.prefix = letters_are_prefixes ||
                        !is_one_letter (g_ptr_array_index (word.tokens, word.tokens->len - 1));
          g_array_append_val (query->words, word);
        }
    }

  if (query->words->len == 0)
    return NULL;

  /* A letter just typed after something else waits for the next one. */
  last = &g_array_index (query->words, Word, query->words->len - 1);
  if (!last->prefix && *p == '\0' && !g_unichar_isspace (g_utf8_get_char (g_utf8_find_prev_char (valid, p))))
    {
      if (last->tokens->len > 1)
        g_ptr_array_set_size (last->tokens, last->tokens->len - 1);
      else if (query->words->len > 1)
        g_array_set_size (query->words, query->words->len - 1);
    }

  for (guint w = 0; w < query->words->len; w++)
    {
      Word *word = &g_array_index (query->words, Word, w);

      for (guint i = 0; i < word->tokens->len; i++)
        {
          Term term = {
            g_strdup (g_ptr_array_index (word->tokens, i)),
            word->prefix && i == word->tokens->len - 1,
          };

          g_array_append_val (query->terms, term);
        }
    }

  return g_steal_pointer (&query);
}

/* Tokens hold letters and digits only: the escaping is for good measure. */
static void
append_escaped (GString    *expression,
                const char *token)
{
  for (const char *c = token; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (expression, '"');
      g_string_append_c (expression, *c);
    }
}

/* Appends the phrase of @word's tokens, with @last for its last one. */
static void
append_phrase (GString    *expression,
               Word       *word,
               const char *last)
{
  g_string_append_c (expression, '"');
  for (guint i = 0; i + 1 < word->tokens->len; i++)
    {
      append_escaped (expression, g_ptr_array_index (word->tokens, i));
      g_string_append_c (expression, ' ');
    }
  append_escaped (expression, last);
  g_string_append_c (expression, '"');
}

/* Returns: (nullable): the words of the index that begin with @token,
 *   %NULL when there are more than MAX_EXPANSION
 */
static GPtrArray *
expand (TovStore   *store,
        const char *token)
{
  g_autofree char *end = g_strdup (token);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  /* Every word that begins with @token sorts before @end, byte by byte. */
  end[strlen (end) - 1]++;

  stmt = tov_store_prepare (store,
                            "SELECT term FROM search_terms WHERE term >= ?1 AND term < ?2 LIMIT ?3",
                            NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, token, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, MAX_EXPANSION + 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (words, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (words->len > MAX_EXPANSION)
    return NULL;
  return g_steal_pointer (&words);
}

/* Returns: (nullable): the FTS5 expression of @query, or %NULL when
 *   nothing in the index can match it. Without a @store, long prefixes
 *   stay prefixes rather than the words of search_index they begin.
 */
static char *
query_expression (TovStore *store,
                  Query    *query)
{
  g_autoptr(GString) expression = g_string_new (NULL);

  for (guint w = 0; w < query->words->len; w++)
    {
      Word *word = &g_array_index (query->words, Word, w);
      const char *last = g_ptr_array_index (word->tokens, word->tokens->len - 1);
      g_autoptr(GPtrArray) expansion = NULL;

      if (w > 0)
        g_string_append (expression, " AND ");

      if (store != NULL && word->prefix && g_utf8_strlen (last, -1) > 4)
        expansion = expand (store, last);

      if (expansion != NULL && expansion->len == 0)
        return NULL;

      if (expansion != NULL)
        {
          g_string_append_c (expression, '(');
          for (guint i = 0; i < expansion->len; i++)
            {
              if (i > 0)
                g_string_append (expression, " OR ");
              append_phrase (expression, word, g_ptr_array_index (expansion, i));
            }
          g_string_append_c (expression, ')');
        }
      else
        {
          append_phrase (expression, word, last);
          if (word->prefix)
            g_string_append_c (expression, '*');
        }
    }

  return g_string_free (g_steal_pointer (&expression), FALSE);
}

/* Returns: whether the folded @token matches @term; *@exact tells whether
 *   it is the whole word rather than its beginning.
 */
static gboolean
term_matches (const Term    *term,
              const GString *token,
              gboolean      *exact)
{
  gsize length = strlen (term->text);

  if (token->len < length || memcmp (token->str, term->text, length) != 0)
    return FALSE;
  *exact = token->len == length;
  return *exact || term->prefix;
}

/* Ranking ----------------------------------------------------------------- */

static double
saturate (double tf,
          double length,
          double average)
{
  if (tf == 0)
    return 0;
  return tf * (BM25_K1 + 1) / (tf + BM25_K1 * (1 - BM25_B + BM25_B * length / average));
}

/* Counts the matches of every term in @text into @tf, and its tokens. */
static guint
count_matches (Query      *query,
               const char *text,
               double     *tf,
               GString    *buffer)
{
  TokenIter iter;
  guint n_tokens = 0;

  token_iter_init (&iter, text, buffer);
  while (token_iter_next (&iter))
    {
      n_tokens++;
      for (guint i = 0; i < query->terms->len; i++)
        {
          gboolean exact;

          if (term_matches (&g_array_index (query->terms, Term, i), iter.folded, &exact))
            tf[i] += exact ? 1 : PREFIX_WEIGHT;
        }
    }
  return n_tokens;
}

/* BM25 without the rarity of each term, with the title weighing more.
 * *@in_title tells whether the title holds a match.
 */
static double
score (Query      *query,
       const char *title,
       const char *body,
       gboolean   *in_title,
       GString    *buffer)
{
  g_autofree double *title_tf = g_new0 (double, query->terms->len);
  g_autofree double *body_tf = g_new0 (double, query->terms->len);
  guint title_length = count_matches (query, title, title_tf, buffer);
  guint body_length = count_matches (query, body, body_tf, buffer);
  double sum = 0;

  *in_title = FALSE;
  for (guint i = 0; i < query->terms->len; i++)
    {
      sum += TITLE_WEIGHT * saturate (title_tf[i], title_length, TITLE_LENGTH) +
             saturate (body_tf[i], body_length, BODY_LENGTH);
      *in_title |= title_tf[i] > 0;
    }
  return sum;
}

/* Highlights -------------------------------------------------------------- */

typedef struct
{
  gsize start;
  gsize end;
  gsize match_end; /* the end of what was typed of it, if it matches */
  guint64 terms;   /* a bit for each term it matches, the first 64 */
} Span;

static GArray *
find_spans (Query      *query,
            const char *text,
            GString    *buffer)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  TokenIter iter;

  token_iter_init (&iter, text, buffer);
  while (token_iter_next (&iter))
    {
      Span span = { iter.start - text, iter.end - text, iter.start - text, 0 };

      for (guint i = 0; i < query->terms->len; i++)
        {
          Term *term = &g_array_index (query->terms, Term, i);
          gboolean exact;

          if (term_matches (term, iter.folded, &exact))
            {
              /* Case folding keeps the number of characters: the beginning
               * that matched is as many characters of the original.
               */
              const char *end = exact ? iter.end
                                      : g_utf8_offset_to_pointer (iter.start, g_utf8_strlen (term->text, -1));

              span.terms |= G_GUINT64_CONSTANT (1) << MIN (i, 63);
              span.match_end = MAX (span.match_end, (gsize) (end - text));
            }
        }
      g_array_append_val (spans, span);
    }
  return spans;
}

/* Appends the text from @start to @end to @out, with every run of white
 * space made one space, so that a snippet is one line.
 */
static void
append_one_line (GString    *out,
                 const char *start,
                 const char *end)
{
  gboolean space = FALSE;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
  if (space && out->len > 0 && end[0] != '\0')
    g_string_append_c (out, ' ');
}

typedef struct
{
  gsize start;
  gsize end;
} Range;

/* Escapes @plain for Pango, with the byte @ranges in <b>. */
static char *
markup_with_ranges (const char *plain,
                    GArray     *ranges)
{
  GString *markup = g_string_new (NULL);
  gsize at = 0;

  for (guint i = 0; i < ranges->len; i++)
    {
      Range *range = &g_array_index (ranges, Range, i);
      g_autofree char *before = g_markup_escape_text (plain + at, range->start - at);
      g_autofree char *match = g_markup_escape_text (plain + range->start, range->end - range->start);

      g_string_append_printf (markup, "%s<b>%s</b>", before, match);
      at = range->end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (plain + at, -1);

    g_string_append (markup, rest);
  }

  return g_string_free (markup, FALSE);
}

/* Writes the tokens @first to @first + @n - 1 of @text on one line, with
 * "…" where text is left out, as plain text and as markup with what
 * matches in <b>: a whole word, or the beginning of it that was typed.
 */
static void
render (const char  *text,
        GArray      *spans,
        guint        first,
        guint        n,
        char       **plain_out,
        char       **markup_out)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  guint last = MIN (first + n, spans->len);
  gsize copied = 0;

  if (first > 0 && first < spans->len)
    {
      g_string_append (plain, "…");
      copied = g_array_index (spans, Span, first).start;
    }

  for (guint i = first; i < last; i++)
    {
      Span *span = &g_array_index (spans, Span, i);

      append_one_line (plain, text + copied, text + span->start);
      if (span->terms != 0)
        g_array_append_val (ranges, ((Range) { plain->len, plain->len + (span->match_end - span->start) }));
      g_string_append_len (plain, text + span->start, span->end - span->start);
      copied = span->end;
    }

  if (last >= spans->len)
    append_one_line (plain, text + copied, text + strlen (text));
  else
    g_string_append (plain, "…");

  /* White space at the end is outside every match. */
  while (plain->len > 0 && g_ascii_isspace (plain->str[plain->len - 1]))
    g_string_truncate (plain, plain->len - 1);

  *markup_out = markup_with_ranges (plain->str, ranges);
  *plain_out = g_string_free (g_steal_pointer (&plain), FALSE);
}

/* Returns: the first token of the window of SNIPPET_TOKENS tokens that
 *   holds the most of the terms, starting a little before its first match.
 */
static guint
snippet_start (GArray *spans)
{
  guint best = 0;
  int best_count = -1;

  for (guint i = 0; i < spans->len; i++)
    {
      guint start;
      guint64 terms = 0;
      int count;

      if (g_array_index (spans, Span, i).terms == 0)
        continue;

      start = i > 3 ? i - 3 : 0;
      for (guint j = start; j < MIN (start + SNIPPET_TOKENS, spans->len); j++)
        terms |= g_array_index (spans, Span, j).terms;
      count = __builtin_popcountll (terms);
      if (count > best_count)
        {
          best = start;
          best_count = count;
        }
    }

  /* Show the end of a short text whole rather than its beginning cut off. */
  if (best + SNIPPET_TOKENS > spans->len)
    best = spans->len > SNIPPET_TOKENS ? spans->len - SNIPPET_TOKENS : 0;
  return best;
}

/* Searching --------------------------------------------------------------- */

typedef struct
{
  gint64 rowid;
  char *record_id;
  char *title;
  char *body;
  double score;
  gboolean in_title;
} Candidate;

static void
clear_candidate (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->record_id);
  g_free (candidate->title);
  g_free (candidate->body);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->score != cb->score)
    return ca->score > cb->score ? -1 : 1;
  return ca->rowid > cb->rowid ? -1 : ca->rowid < cb->rowid;
}

static char *
valid_text (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_utf8_make_valid (text != NULL ? text : "", -1);
}

/* Adds the newest CANDIDATES rows of kind @k that match @expression, and
 * are not among @candidates yet.
 */
static gboolean
collect (TovStore   *store,
         const char *expression,
         guint       k,
         GArray     *candidates)
{
  sqlite3_stmt *stmt;
  gint64 first = (gint64) (k + 1) << 40;
  guint n_before = candidates->len;
  int rc;

  stmt = tov_store_prepare (store,
                            "SELECT rowid, record_id, title, body FROM search_index"
                            " WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3"
                            " ORDER BY rowid DESC LIMIT ?4",
                            NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, first);
  sqlite3_bind_int64 (stmt, 3, first + (G_GINT64_CONSTANT (1) << 40) - 1);
  sqlite3_bind_int (stmt, 4, CANDIDATES);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      gboolean known = FALSE;

      for (guint i = 0; i < n_before && !known; i++)
        known = g_array_index (candidates, Candidate, i).rowid == rowid;
      if (!known)
        g_array_append_val (candidates, ((Candidate) {
          rowid,
          valid_text (stmt, 1),
          valid_text (stmt, 2),
          valid_text (stmt, 3),
          0,
          FALSE,
        }));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      g_warning ("The search index cannot be read: %s", sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/* A status update is named by its date and its subject. */
static char *
status_update_title (TovStore   *store,
                     const char *id)
{
  sqlite3_stmt *stmt;
  g_autofree char *date = NULL;
  g_autofree char *subject = NULL;

  stmt = tov_store_prepare (store,
                            "SELECT s.date, coalesce (p.title, i.title, pa.title, '') FROM status_update s"
                            " LEFT JOIN project p ON p.id = s.project_id"
                            " LEFT JOIN initiative i ON i.id = s.initiative_id"
                            " LEFT JOIN partnership pa ON pa.id = s.partnership_id"
                            " WHERE s.id = ?1",
                            NULL);
  if (stmt == NULL)
    return g_strdup ("");

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      date = tov_date_format ((const char *) sqlite3_column_text (stmt, 0));
      subject = valid_text (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (date == NULL)
    return g_strdup ("");
  if (subject[0] == '\0')
    return g_steal_pointer (&date);
  return g_strdup_printf ("%s · %s", date, subject);
}

static TovSearchHit *
make_hit (TovStore  *store,
          Query     *query,
          guint      k,
          Candidate *candidate,
          GString   *buffer)
{
  TovSearchHit *hit = g_object_new (TOV_TYPE_SEARCH_HIT, NULL);
  g_autoptr(GArray) title_spans = NULL;
  g_autoptr(GArray) body_spans = find_spans (query, candidate->body, buffer);

  hit->kind = tov_search_kinds (NULL)[k];
  hit->record_id = g_strdup (candidate->record_id);

  if (kinds[k].has_title)
    {
      title_spans = find_spans (query, candidate->title, buffer);
      render (candidate->title, title_spans, 0, G_MAXUINT, &hit->title, &hit->title_markup);
    }
  else
    {
      hit->title = status_update_title (store, candidate->record_id);
      hit->title_markup = g_markup_escape_text (hit->title, -1);
    }

  render (candidate->body, body_spans, snippet_start (body_spans), SNIPPET_TOKENS,
          &hit->snippet, &hit->snippet_markup);

  return hit;
}

static void
search_kind (TovStore   *store,
             Query      *query,
             guint       k,
             const char *expression,
             const char *title_expression,
             guint       limit,
             GListStore *hits,
             GString    *buffer)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint scored = 0;
  guint in_title = 0;

  g_array_set_clear_func (candidates, clear_candidate);

  for (int pass = 0; pass < 2; pass++)
    {
      /* When a kind has more matches than are read, and too few of those
       * read are named after the search, older ones may be: read the
       * newest whose titles match as well.
       */
      if (pass == 1 && (candidates->len < CANDIDATES || !kinds[k].has_title || in_title >= limit))
        break;
      if (!collect (store, pass == 0 ? expression : title_expression, k, candidates))
        return;

      for (; scored < candidates->len; scored++)
        {
          Candidate *candidate = &g_array_index (candidates, Candidate, scored);

          candidate->score = score (query, candidate->title, candidate->body, &candidate->in_title, buffer);
          in_title += candidate->in_title;
        }
    }
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < MIN (limit, candidates->len); i++)
    {
      g_autoptr(TovSearchHit) hit = make_hit (store, query, k, &g_array_index (candidates, Candidate, i), buffer);

      g_list_store_append (hits, hit);
    }
}

/**
 * tov_search:
 * @text: what the user typed
 * @limit_per_kind: the most hits of each kind
 *
 * Finds the records whose words begin with every word of @text, in any
 * case: "sundhed" finds "Sundhedscentret". Æ, ø and å are letters of
 * their own, so "Rødovre" does not find "Rodovre". Any text is a valid
 * search: quotes, operators and other punctuation only separate words.
 *
 * Returns: (transfer full): the #TovSearchHit<!-- -->s, grouped by kind in
 *   the order of tov_search_kinds(), the best first within a kind
 */
GListModel *
tov_search (TovStore   *store,
            const char *text,
            guint       limit_per_kind)
{
  g_autoptr(GListStore) hits = g_list_store_new (TOV_TYPE_SEARCH_HIT);
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(Query) query = NULL;
  g_autofree char *expression = NULL;
  g_autofree char *title_expression = NULL;

  g_return_val_if_fail (TOV_IS_STORE (store), NULL);
  g_return_val_if_fail (limit_per_kind > 0, NULL);

  if (text == NULL || (query = query_parse (text, FALSE)) == NULL)
    return G_LIST_MODEL (g_steal_pointer (&hits));

  expression = query_expression (store, query);
  if (expression == NULL)
    return G_LIST_MODEL (g_steal_pointer (&hits));
  title_expression = g_strdup_printf ("{title} : (%s)", expression);

  for (guint k = 0; k < N_KINDS; k++)
    search_kind (store, query, k, expression, title_expression, limit_per_kind, hits, buffer);

  return G_LIST_MODEL (g_steal_pointer (&hits));
}

/**
 * tov_search_prefix_expression:
 * @text: what the user typed in a list's search
 *
 * Turns @text into an FTS5 expression for a table tokenized as
 * search_index is, which finds the rows with a word beginning with each
 * word of @text, in any case, as tov_search() does: "sundhed" finds
 * "Sundhedscentret", "1.4" finds "indstilling 1.4". A list narrows as the
 * user types, so a word of one letter is a prefix too. Any text is a
 * valid search: quotes, operators and other punctuation only separate
 * words.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL when
 *   @text holds no letter or digit to search for
 */
char *
tov_search_prefix_expression (const char *text)
{
  g_autoptr(Query) query = NULL;

  if (text == NULL || (query = query_parse (text, TRUE)) == NULL)
    return NULL;
  return query_expression (NULL, query);
}

/**
 * tov_search_kinds:
 * @n_kinds: (out) (optional): how many there are
 *
 * Returns: the record types a search finds, in the order of its results
 */
const GType *
tov_search_kinds (guint *n_kinds)
{
  static GType types[N_KINDS];

  if (types[0] == 0)
    for (guint k = 0; k < N_KINDS; k++)
      types[k] = tov_record_type_from_table (kinds[k].table);

  if (n_kinds != NULL)
    *n_kinds = N_KINDS;
  return types;
}

/**
 * tov_search_kind_title:
 *
 * Returns: the heading of the hits of @kind, e.g. "Projects"
 */
const char *
tov_search_kind_title (GType kind)
{
  if (kind == TOV_TYPE_PROJECT)
    return _("Projects");
  if (kind == TOV_TYPE_DECISION)
    return _("Decisions");
  if (kind == TOV_TYPE_INITIATIVE)
    return _("Initiatives");
  if (kind == TOV_TYPE_PARTNERSHIP)
    return _("Partnerships");
  if (kind == TOV_TYPE_ORGANISATION)
    return _("Organisations");
  if (kind == TOV_TYPE_STATUS_UPDATE)
    return _("Status updates");

  g_return_val_if_reached (NULL);
}
