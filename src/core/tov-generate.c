/* tov-generate.c: a large made-up portfolio, for benchmarks and tests.
 *
 * The portfolio is made from word lists by a GRand with a fixed seed, and
 * every timestamp and date is computed from it, never read from the clock:
 * the same options give the same file content, and so the same export.
 *
 * A million budget lines are too many to make a GObject for each. The rows
 * are written with prepared INSERTs, one per table, whose column lists are
 * built from the record classes' fields as the store builds its own; a
 * field that the generator does not know gets the field's default. The
 * rows go in one transaction, with foreign keys and the schema's triggers
 * checking them as they would any other write.
 *
 * The ids of a table are drawn at random, sorted, and handed out in the
 * order the rows are written, so that every primary key index is appended
 * to rather than split all over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-generate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "tov-error.h"
#include "tov-generate.h"
#include "tov-records.h"
#include "tov-store-private.h"

/* The page cache during the load, in KiB: large enough that the indexes
 * the rows go into at random places stay in memory.
 */
#define LOAD_CACHE_KIB (256 * 1024)

#define UUID_SIZE 37

/* 2014-02-01, when the vision was decided: the first timestamp. */
#define FIRST_DAY 16102
/* The portfolio's records are made over about eleven years. */
#define N_DAYS (11 * 365)

/* Word lists ------------------------------------------------------------- */

static const char *places[] = {
  "Rødovre", "Islev", "Valhøj", "Bybjerget", "Kærene", "Espelunden", "Tinderhøj",
  "Hendriksholm", "Broparken", "Ørbygård", "Rødovre Centrum", "Korsvejen", "Nørrekær",
  "Milestedet", "Rødager", "Viemosen", "Egegården", "Lyngholm", "Præstemosen", "Slotsherrens Vænge",
};

static const char *units[] = {
  "Ledelsessekretariatet", "Social- og Sundhedsforvaltningen", "Børne- og Kulturforvaltningen",
  "Teknisk Forvaltning", "Økonomi- og Personaleforvaltningen", "Jobcentret", "Sundhedscentret",
  "Frivilligcentret", "Borgerservice", "Hjemmeplejen", "Visitationen", "Familieafdelingen",
  "Skoleafdelingen", "Dagtilbudsafdelingen", "Ungdomsskolen", "Misbrugscentret", "Socialpsykiatrien",
  "Plejecenter Ørbygård", "Plejecenter Broparken", "Træningscentret", "Rødovre Bibliotek",
  "Kultur- og Fritidsafdelingen", "Digitaliseringsstyregruppen", "IT-afdelingen", "Integrationsteamet",
  "Ungeenheden",
};

static const char *committees[] = {
  "Kommunalbestyrelsen", "Social- og Sundhedsudvalget", "Beskæftigelsesudvalget",
  "Børne- og Skoleudvalget", "Kultur- og Fritidsudvalget", "Teknik- og Miljøudvalget", "Økonomiudvalget",
};

static const char *first_names[] = {
  "Anne", "Mette", "Søren", "Jørgen", "Birgitte", "Lærke", "Mads", "Henrik", "Bjørn", "Kirsten",
  "Ulla", "Pia", "Lone", "Jens", "Niels", "Rasmus", "Sofie", "Ida", "Frederik", "Karen", "Hanne",
  "Torben", "Marianne", "Søs", "Åse", "Øjvind", "Anders", "Louise", "Camilla", "Peter",
};

static const char *last_names[] = {
  "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
  "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Møller",
  "Kjær", "Østergaard", "Bøgh", "Lønborg", "Dahl", "Holm", "Mølgaard", "Skøtt", "Brøndum",
  "Frøkjær", "Ågård", "Lund", "Winther", "Bach",
};

static const char *subjects[] = {
  "Velfærdsteknologi", "Hverdagsrehabilitering", "Tidlig opsporing", "Digital selvbetjening",
  "Aktivt medborgerskab", "Sundhedsfremme", "Styrket samarbejde", "Brobygning", "Mentorordning",
  "Trivselsforløb", "Netværksmøder", "Madservice", "Genoptræning", "Samskabelse",
  "Frivillige besøgsvenner", "Forebyggende hjemmebesøg", "Ensomhedsindsats", "Inklusion",
  "Virksomhedspraktik", "Ungevejledning", "Demokratisk laboratorium", "Lokale fællesskaber",
  "Skærmbesøg", "Sprogstimulering", "Familiekurser", "Motion på recept", "Åbne mødesteder",
  "Følgeordning", "Nabohjælp", "Værestedet", "Løntilskud", "Kompetenceløft", "Tværfaglige teams",
  "Én plan for borgeren", "Bedre overgange", "Kørselsordning", "Rygestop", "Kost og trivsel",
  "Søvn og sundhed", "Grønne områder",
};

/* "%s" is a place. */
static const char *qualifiers[] = {
  "i hjemmeplejen", "for unge ledige", "på plejecentrene", "i %s", "for udsatte familier",
  "med civilsamfundet", "i dagtilbuddene", "for ældre borgere", "på tværs af forvaltninger",
  "i Jobcentret", "for borgere med handicap", "for sygemeldte", "i folkeskolen", "for nydanskere",
  "for pårørende", "i boligområderne i %s", "for borgere med demens", "i Sundhedscentret",
  "for unge under 25 år", "med frivillige i %s",
};

static const char *title_suffixes[] = {
  "", "", "", "", "", " – fase 2", " – fase 3", " 2.0", " (forsøg)", " – udbredelse",
};

static const char *goals[] = {
  "styrke den offentlige samtale", "øge borgernes selvhjulpenhed", "forebygge ensomhed blandt ældre",
  "få flere unge i uddannelse eller job", "nedbringe sygefraværet", "udvikle nye former for samskabelse",
  "understøtte de frivillige foreninger", "sikre sammenhæng i borgerens forløb",
  "nedbringe ventetiden i Borgerservice", "styrke forældresamarbejdet", "øge trivslen i boligområderne",
  "fremme sundheden hos borgere med kronisk sygdom", "gøre flere borgere digitalt selvhjulpne",
  "skabe bedre overgange fra skole til uddannelse", "give borgerne en fast kontaktperson",
};

static const char *targets[] = {
  "de unge", "de ældre borgere", "de ledige", "familierne", "borgerne i målgruppen",
  "de sygemeldte", "deltagerne", "de pårørende",
};

static const char *results[] = {
  "er i gang med en uddannelse", "oplever større livskvalitet", "er i job eller praktik",
  "selv kan klare hverdagens gøremål", "deltager i et fællesskab", "bruger de digitale løsninger",
};

static const char *findings[] = {
  "borgerne gerne vil bidrage, når de bliver spurgt", "en tidlig kontakt giver kortere forløb",
  "de frivillige er en vigtig ressource", "samarbejdet på tværs giver bedre løsninger",
  "der er behov for faste kontaktpersoner", "mødestederne skal ligge tæt på borgerne",
};

static const char *partner_kinds[] = {
  "de lokale foreninger", "Ældre Sagen", "boligselskaberne", "Frivilligcentret",
  "Dansk Røde Kors", "de praktiserende læger", "erhvervslivet",
};

static const char *methods[] = {
  "borgermøder i lokalområderne", "workshops i %s", "dialogmøder med foreningerne",
  "interview med brugerne", "et følgeforløb med borgerpanelet", "et spørgeskema på rk.dk",
};

static const char *months[] = {
  "januar", "februar", "marts", "april", "maj", "juni",
  "juli", "august", "september", "oktober", "november", "december",
};

static const char *activities[] = {
  "indledt et forsøg", "afholdt et borgermøde", "gennemført et kursusforløb", "startet en ny gruppe",
  "holdt opstartsmøde med de frivillige", "afsluttet den første runde", "åbnet et nyt mødested",
};

static const char *next_steps[] = {
  "at samle erfaringerne i en evaluering", "at udbrede modellen til hele kommunen",
  "at forelægge en business case for udvalget", "at indgå en samarbejdsaftale med foreningerne",
  "at rekruttere flere frivillige", "at justere forløbet efter deltagernes ønsker",
};

static const char *delays[] = {
  "projektlederen er stoppet", "udbuddet har taget længere tid end ventet",
  "der har været færre deltagere end forventet", "it-løsningen endnu ikke er klar",
  "lokalerne først er klar efter sommerferien",
};

static const char *roles[] = {
  "besøgsvenner", "mentorer", "netværksguider", "lektiehjælpere", "motionsvenner", "madvenner",
};

static const char *target_groups[] = {
  "Unge mellem 15 og 25 år uden uddannelse", "Ældre borgere, der bor alene",
  "Familier med børn i alderen 0-6 år", "Borgere med psykiske vanskeligheder",
  "Frivillige og foreninger i Rødovre", "Ledige over 50 år", "Borgere med kronisk sygdom",
  "Pårørende til borgere med demens", "Nydanske kvinder uden for arbejdsmarkedet",
  "Socialt udsatte borgere", "Borgere, der er sygemeldt med stress",
};

static const char *budget_notes[] = {
  "Bevilling til projektleder", "Opstartsarrangement og materialer", "Årlig pulje til aktiviteter",
  "Frikøb af medarbejdere i %u", "Evaluering ved ekstern konsulent", "Kursusudgifter og materialer",
  "Løn til to medarbejdere", "Indkøb af velfærdsteknologi", "Forventet gevinst ved færre timer i %u",
  "Husleje og drift af mødestedet", "Uddannelse af frivillige", "Tolkebistand og oversættelse",
};

static const char *area_titles[] = {
  "Medborgerskab og borgerinddragelse", "Fællesskab og frivillighed", "Vejen til velfærd", "Sundhed",
  "Skole og beskæftigelse", "Digitalisering", "Ældre og rehabilitering", "Børn og familier",
  "Klima og bæredygtighed", "Kultur og fritid", "Bolig og byliv", "Socialpsykiatri og misbrug",
};

static const char *area_focuses[] = {
  "", " – tidlig indsats", " – nye samarbejdsformer", " – digitale løsninger", " – lokal forankring",
};

static const char *policy_names[] = {
  "Frivillighedspolitikken", "Udsattepolitikken", "Sundhedspolitikken", "Ældrepolitikken",
  "Handicappolitikken", "Beskæftigelsespolitikken", "Børne- og ungepolitikken", "Kulturpolitikken",
  "Idrætspolitikken", "Klimapolitikken", "Integrationspolitikken", "Boligpolitikken",
  "Digitaliseringsstrategien", "Misbrugspolitikken", "Psykiatripolitikken", "Demenspolitikken",
};

typedef struct
{
  const char *name;
  TovFundingKind kind;
} FundingName;

static const FundingName funding_names[] = {
  { "Velfærdspuljen", TOV_FUNDING_KIND_POOL },
  { "Velfærdsfornyelsespuljen", TOV_FUNDING_KIND_POOL },
  { "Jobcentrets budget", TOV_FUNDING_KIND_DEPARTMENT_BUDGET },
  { "Inden for eksisterende budget", TOV_FUNDING_KIND_EXISTING_BUDGET },
  { "Sundhedscentrets budget", TOV_FUNDING_KIND_DEPARTMENT_BUDGET },
  { "Frivillighedspuljen", TOV_FUNDING_KIND_POOL },
  { "§ 18-midler", TOV_FUNDING_KIND_POOL },
  { "Ældremilliarden", TOV_FUNDING_KIND_EXTERNAL },
  { "Satspuljen", TOV_FUNDING_KIND_EXTERNAL },
  { "Socialstyrelsens pulje", TOV_FUNDING_KIND_EXTERNAL },
  { "Sundhedsstyrelsens pulje", TOV_FUNDING_KIND_EXTERNAL },
  { "Klimapuljen", TOV_FUNDING_KIND_POOL },
  { "Digitaliseringspuljen", TOV_FUNDING_KIND_POOL },
  { "Hjemmeplejens budget", TOV_FUNDING_KIND_DEPARTMENT_BUDGET },
  { "Trygfonden", TOV_FUNDING_KIND_EXTERNAL },
  { "Velux Fonden", TOV_FUNDING_KIND_EXTERNAL },
  { "Nordea-fonden", TOV_FUNDING_KIND_EXTERNAL },
  { "Den Europæiske Socialfond", TOV_FUNDING_KIND_EXTERNAL },
  { "Lokale- og Anlægsfonden", TOV_FUNDING_KIND_EXTERNAL },
  { "Integrationspuljen", TOV_FUNDING_KIND_POOL },
};

typedef struct
{
  const char *pattern;   /* "%s" is a place or a last name */
  TovOrganisationKind kind;
  gboolean person;       /* "%s" is a last name */
} OrganisationName;

static const OrganisationName organisation_names[] = {
  { "Idrætsforeningen %s", TOV_ORGANISATION_KIND_ASSOCIATION, FALSE },
  { "Grundejerforeningen %s", TOV_ORGANISATION_KIND_ASSOCIATION, FALSE },
  { "Ældre Sagen %s", TOV_ORGANISATION_KIND_ASSOCIATION, FALSE },
  { "Dansk Røde Kors %s", TOV_ORGANISATION_KIND_ASSOCIATION, FALSE },
  { "Spejderne i %s", TOV_ORGANISATION_KIND_ASSOCIATION, FALSE },
  { "Pensionistforeningen %s", TOV_ORGANISATION_KIND_ASSOCIATION, FALSE },
  { "Lejerforeningen %s", TOV_ORGANISATION_KIND_ASSOCIATION, FALSE },
  { "Frivilligcenter %s", TOV_ORGANISATION_KIND_VOLUNTEER_CENTRE, FALSE },
  { "Besøgstjenesten %s", TOV_ORGANISATION_KIND_VOLUNTEER_CENTRE, FALSE },
  { "Café %s", TOV_ORGANISATION_KIND_SOCIAL_ENTERPRISE, FALSE },
  { "Værkstedet %s", TOV_ORGANISATION_KIND_SOCIAL_ENTERPRISE, FALSE },
  { "Grønne Hænder %s", TOV_ORGANISATION_KIND_SOCIAL_ENTERPRISE, FALSE },
  { "%s Rådgivning ApS", TOV_ORGANISATION_KIND_COMPANY, TRUE },
  { "%s & Søn Tømrer og Snedker A/S", TOV_ORGANISATION_KIND_COMPANY, TRUE },
  { "Boligselskabet %s", TOV_ORGANISATION_KIND_PUBLIC_BODY, FALSE },
  { "Lokalpolitiet i %s", TOV_ORGANISATION_KIND_PUBLIC_BODY, FALSE },
};

/* The generator ------------------------------------------------------------ */

typedef struct
{
  char text[UUID_SIZE];
} Id;

typedef struct
{
  guint64 hi;
  guint64 lo;
} Uuid;

typedef struct
{
  TovStore *store;
  GRand *rand;
  const TovGenerateOptions *options;
  GString *text[4];

  Id *themes;
  Id *projects;
  char **project_titles;
  Id *funding_sources;
  Id *decisions;
  guint *project_decisions;   /* per project, the index of its first decision */
  guint *project_n_decisions;
  Id *organisations;
  char **organisation_names;
  Id *partnerships;
  Id *policies;
  guint *policy_n_goals;
  char **policy_titles;
  Id *plans;
  guint *plan_policy;
  int *plan_from;
  Id *initiatives;
} Generator;

static void
generator_clear (Generator *gen)
{
  for (guint i = 0; i < G_N_ELEMENTS (gen->text); i++)
    g_string_free (gen->text[i], TRUE);
  g_rand_free (gen->rand);
  g_free (gen->themes);
  g_free (gen->projects);
  g_strfreev (gen->project_titles);
  g_free (gen->funding_sources);
  g_free (gen->decisions);
  g_free (gen->project_decisions);
  g_free (gen->project_n_decisions);
  g_free (gen->organisations);
  g_strfreev (gen->organisation_names);
  g_free (gen->partnerships);
  g_free (gen->policies);
  g_free (gen->policy_n_goals);
  g_strfreev (gen->policy_titles);
  g_free (gen->plans);
  g_free (gen->plan_policy);
  g_free (gen->plan_from);
  g_free (gen->initiatives);
}

#define PICK(gen, list) ((list)[g_rand_int_range ((gen)->rand, 0, G_N_ELEMENTS (list))])

/* A whole number from @low to @high, both included. */
static int
between (Generator *gen,
         int        low,
         int        high)
{
  return g_rand_int_range (gen->rand, low, high + 1);
}

static gboolean
chance (Generator *gen,
        int        percent)
{
  return g_rand_int_range (gen->rand, 0, 100) < percent;
}

/* Ids ---------------------------------------------------------------------- */

static int
compare_uuids (const void *a,
               const void *b)
{
  const Uuid *x = a;
  const Uuid *y = b;

  if (x->hi != y->hi)
    return x->hi < y->hi ? -1 : 1;
  if (x->lo != y->lo)
    return x->lo < y->lo ? -1 : 1;
  return 0;
}

/* @n random version 4 UUIDs, in ascending order. */
static Uuid *
draw_uuids (Generator *gen,
            guint      n)
{
  Uuid *uuids = g_new (Uuid, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      guint64 hi = ((guint64) g_rand_int (gen->rand) << 32) | g_rand_int (gen->rand);
      guint64 lo = ((guint64) g_rand_int (gen->rand) << 32) | g_rand_int (gen->rand);

      uuids[i].hi = (hi & ~G_GUINT64_CONSTANT (0xf000)) | G_GUINT64_CONSTANT (0x4000);
      uuids[i].lo = (lo & G_GUINT64_CONSTANT (0x3fffffffffffffff)) | G_GUINT64_CONSTANT (0x8000000000000000);
    }
  qsort (uuids, n, sizeof (Uuid), compare_uuids);

  /* Two equal draws are all but impossible; make them differ anyway. */
  for (guint i = 1; i < n; i++)
    if (compare_uuids (&uuids[i - 1], &uuids[i]) >= 0)
      {
        uuids[i] = uuids[i - 1];
        uuids[i].lo++;
      }

  return uuids;
}

static void
format_uuid (const Uuid *uuid,
             char        out[UUID_SIZE])
{
  static const char hex[] = "0123456789abcdef";
  int pos = 0;

  for (int i = 60; i >= 0; i -= 4)
    {
      if (pos == 8 || pos == 13)
        out[pos++] = '-';
      out[pos++] = hex[(uuid->hi >> i) & 0xf];
    }
  for (int i = 60; i >= 0; i -= 4)
    {
      if (pos == 18 || pos == 23)
        out[pos++] = '-';
      out[pos++] = hex[(uuid->lo >> i) & 0xf];
    }
  out[pos] = '\0';
}

/* Dates -------------------------------------------------------------------- */

/* The civil date of a day counted from 1970-01-01 (Howard Hinnant's
 * algorithm), so that a million dates cost no GDateTime each.
 */
static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  guint doe = (guint) (z - era * 146097);
  guint yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  guint doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  guint mp = (5 * doy + 2) / 153;

  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = (int) (yoe + era * 400) + (*month <= 2);
}

static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 era;
  guint yoe, doy, doe;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = (guint) (year - era * 400);
  doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

static void
format_date (gint64 days,
             char   out[11])
{
  int year, month, day;

  civil_from_days (days, &year, &month, &day);
  g_snprintf (out, 11, "%04d-%02d-%02d", year, month, day);
}

static void
format_timestamp (gint64 seconds,
                  char   out[21])
{
  int year, month, day;
  int second = seconds % 86400;

  civil_from_days (seconds / 86400, &year, &month, &day);
  g_snprintf (out, 21, "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
              second / 3600, second / 60 % 60, second % 60);
}

/* A day in office hours within the eleven years, as seconds since 1970. */
static gint64
random_moment (Generator *gen)
{
  gint64 day = FIRST_DAY + g_rand_int_range (gen->rand, 0, N_DAYS);

  return day * 86400 + between (gen, 7 * 3600, 16 * 3600);
}

static gint64
year_start (int year)
{
  return days_from_civil (year, 1, 1);
}

/* Text --------------------------------------------------------------------- */

static void
append_person (Generator *gen,
               GString   *out)
{
  g_string_append_printf (out, "%s %s", PICK (gen, first_names), PICK (gen, last_names));
}

/* Kroner the way the documents write them: "1.350.000 kr." or "1,4 mio. kr." */
static void
append_kroner (GString *out,
               gint64   kroner)
{
  char digits[32];
  int len;

  if (kroner >= 1000000 && kroner % 100000 == 0)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT " mio. kr.",
                              kroner / 1000000, kroner / 100000 % 10);
      return;
    }

  len = g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, kroner);
  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
  g_string_append (out, " kr.");
}

/* A pattern from a word list with at most one "%s" (a place) or "%u" (a unit). */
static void
append_pattern (Generator  *gen,
                GString    *out,
                const char *pattern)
{
  const char *slot = strchr (pattern, '%');

  if (slot == NULL)
    {
      g_string_append (out, pattern);
      return;
    }
  g_string_append_len (out, pattern, slot - pattern);
  g_string_append (out, slot[1] == 'u' ? PICK (gen, units) : PICK (gen, places));
  g_string_append (out, slot + 2);
}

static void
append_title (Generator *gen,
              GString   *out)
{
  g_string_append (out, PICK (gen, subjects));
  g_string_append_c (out, ' ');
  append_pattern (gen, out, PICK (gen, qualifiers));
  g_string_append (out, PICK (gen, title_suffixes));
}

/* One sentence of a purpose or a description. */
static void
append_purpose_sentence (Generator *gen,
                         GString   *out)
{
  switch (g_rand_int_range (gen->rand, 0, 10))
    {
    case 0:
      g_string_append_printf (out, "Projektet skal %s ", PICK (gen, goals));
      append_pattern (gen, out, PICK (gen, qualifiers));
      g_string_append_c (out, '.');
      break;

    case 1:
      g_string_append_printf (out, "Formålet er at %s og at %s.", PICK (gen, goals), PICK (gen, goals));
      break;

    case 2:
      g_string_append_printf (out, "Indsatsen bygger på erfaringer fra %s og fra forsøget i %s.",
                              PICK (gen, units), PICK (gen, places));
      break;

    case 3:
      {
        int now = between (gen, 5, 40);

        g_string_append_printf (out, "Målet er, at %d procent af %s i %d %s, mod %d procent i dag.",
                                now + between (gen, 5, 30), PICK (gen, targets), between (gen, 2016, 2028),
                                PICK (gen, results), now);
      }
      break;

    case 4:
      g_string_append_printf (out, "Der etableres et samarbejde mellem %s, %s og %s.",
                              PICK (gen, units), PICK (gen, units), PICK (gen, partner_kinds));
      break;

    case 5:
      g_string_append_printf (out, "Erfaringerne fra %s viser, at %s.", PICK (gen, places), PICK (gen, findings));
      break;

    case 6:
      g_string_append_printf (out, "Projektet forankres fremover i %s.", PICK (gen, units));
      break;

    case 7:
      g_string_append (out, "Borgerne inddrages gennem ");
      append_pattern (gen, out, PICK (gen, methods));
      g_string_append_c (out, '.');
      break;

    case 8:
      g_string_append (out, "Der udarbejdes en business case, og en eventuel gevinst deles efter "
                            "reglerne om gevinstdeling.");
      break;

    default:
      g_string_append_printf (out, "Projektet følges af %s, som modtager en status to gange om året.",
                              PICK (gen, committees));
      break;
    }
}

static void
append_sentences (Generator *gen,
                  GString   *out,
                  int        n,
                  void     (*append_sentence) (Generator *, GString *))
{
  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, i % 3 == 0 ? "\n\n" : " ");
      append_sentence (gen, out);
    }
}

static void
append_status_sentence (Generator *gen,
                        GString   *out)
{
  switch (g_rand_int_range (gen->rand, 0, 8))
    {
    case 0:
      g_string_append_printf (out, "I %s er der %s i %s.", PICK (gen, months), PICK (gen, activities),
                              PICK (gen, places));
      break;

    case 1:
      {
        int n = between (gen, 8, 120);

        g_string_append_printf (out, "%d borgere har deltaget, heraf %d for første gang.", n, n / between (gen, 2, 5));
      }
      break;

    case 2:
      g_string_append_printf (out, "En spørgeskemaundersøgelse med %d besvarelser viser, at %d procent er "
                                   "tilfredse eller meget tilfredse.", between (gen, 20, 400), between (gen, 55, 98));
      break;

    case 3:
      g_string_append_printf (out, "Næste skridt er %s.", PICK (gen, next_steps));
      break;

    case 4:
      {
        int year = between (gen, 2015, 2025);

        g_string_append_printf (out, "Indsatsen videreføres i handleplan %d-%d.", year, year + 2);
      }
      break;

    case 5:
      g_string_append_printf (out, "Arbejdet er forsinket, fordi %s.", PICK (gen, delays));
      break;

    case 6:
      g_string_append (out, "Der er brugt ");
      append_kroner (out, between (gen, 10, 900) * 1000);
      g_string_append (out, " af bevillingen.");
      break;

    default:
      g_string_append_printf (out, "Tovholderen oplyser, at samarbejdet med %s fungerer godt, "
                                   "og at de mange idéer nu konkretiseres til aktiviteter.",
                              PICK (gen, units));
      break;
    }
}

static void
append_activity_sentence (Generator *gen,
                          GString   *out)
{
  switch (g_rand_int_range (gen->rand, 0, 6))
    {
    case 0:
      g_string_append_printf (out, "Der afholdes %d informationsmøder i %s.", between (gen, 2, 12), PICK (gen, places));
      break;

    case 1:
      g_string_append_printf (out, "Der udpeges en fast kontaktperson i %s.", PICK (gen, units));
      break;

    case 2:
      g_string_append_printf (out, "Frivillige uddannes som %s og mødes med en koordinator hver måned.",
                              PICK (gen, roles));
      break;

    case 3:
      g_string_append_printf (out, "Indsatsen evalueres ved udgangen af %d.", between (gen, 2016, 2027));
      break;

    case 4:
      g_string_append (out, "Materialet oversættes til arabisk, somali og tyrkisk, og der laves en folder "
                            "og en side på rk.dk.");
      break;

    default:
      append_purpose_sentence (gen, out);
      break;
    }
}

/* A lowercase ASCII name for an e-mail address: "Rødovre" → "roedovre". */
static void
append_mail_name (GString    *out,
                  const char *name)
{
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (c == 0xe6)
        g_string_append (out, "ae");
      else if (c == 0xf8)
        g_string_append (out, "oe");
      else if (c == 0xe5)
        g_string_append (out, "aa");
      else if (c == 0xe9)
        g_string_append_c (out, 'e');
      else if (c < 0x80 && g_ascii_isalnum (c))
        g_string_append_c (out, c);
    }
}

/* Counts ------------------------------------------------------------------- */

/* Hands @n_children out to @n_parents at random, as real portfolios have
 * busy and quiet projects: how many each parent gets.
 */
static guint *
spread (Generator *gen,
        guint      n_children,
        guint      n_parents)
{
  guint *counts = g_new0 (guint, MAX (n_parents, 1));

  if (n_parents == 0)
    return counts;
  for (guint i = 0; i < n_children; i++)
    counts[g_rand_int_range (gen->rand, 0, n_parents)]++;
  return counts;
}

/* Inserting ---------------------------------------------------------------- */

/* Rows go in many to a statement. Besides saving a step per row, this is
 * what keeps a full-text index that triggers maintain fast: SQLite opens a
 * savepoint on a virtual table for every statement that writes inside a
 * transaction, and FTS5 (as of SQLite 3.40) writes its pending terms to
 * disk as a new segment at every savepoint. One row per statement makes a
 * segment per row and merges without end.
 */
#define BATCH_ROWS 1024

typedef struct
{
  TovStore *store;
  TovRecordClass *klass;
  sqlite3_stmt *stmt;    /* the statement of the batch being bound */
  guint n_columns;       /* id, created, updated and the fields */
  guint batch_rows;      /* how many rows the statement inserts */
  guint row_in_batch;
  int offset;            /* added to a column to find its parameter */
  Uuid *ids;             /* the table's ids, in the order rows are written */
  guint n_rows;
  guint next;
} Inserter;

static void
inserter_clear (Inserter *ins)
{
  g_clear_pointer (&ins->ids, g_free);
}

/* "INSERT INTO table (id, created, updated, …) VALUES (?, …), …" for
 * @n_rows rows, the columns in the order of the record class's fields, as
 * the store's own INSERT has them.
 */
static char *
insert_sql (TovRecordClass *klass,
            guint           n_rows)
{
  GString *sql = g_string_new (NULL);

  g_string_printf (sql, "INSERT INTO %s (id, created, updated", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autofree char *key = tov_field_key (klass->fields[i]);

      g_string_append_printf (sql, ", %s", key);
    }
  g_string_append_c (sql, ')');
  /* id, created and updated, then the fields. */
  tov_store_append_values (sql, 3 + klass->n_fields, n_rows);

  return g_string_free (sql, FALSE);
}

static void
inserter_init (Inserter  *ins,
               Generator *gen,
               GType      type,
               guint      n_rows)
{
  TovRecordClass *klass = g_type_class_peek (type);

  ins->store = gen->store;
  ins->klass = klass;
  ins->stmt = NULL;
  ins->n_columns = 3 + klass->n_fields;
  ins->batch_rows = 0;
  ins->row_in_batch = 0;
  ins->offset = 0;
  ins->n_rows = n_rows;
  ins->next = 0;
  ins->ids = draw_uuids (gen, n_rows);
}

/* The column of the field @key, e.g. "title", counted as in one row. */
static int
column (Inserter   *ins,
        const char *key)
{
  for (guint i = 0; i < ins->klass->n_fields; i++)
    {
      g_autofree char *field_key = tov_field_key (ins->klass->fields[i]);

      if (g_str_equal (field_key, key))
        return 4 + i;
    }
  g_error ("%s has no field %s", ins->klass->table, key);
}

/* Starts the next row: its id and times, and every field at its default.
 * The statement of a batch is prepared at the batch's first row; the last
 * batch of a table has the rows that are left.
 */
static gboolean
begin_row (Inserter  *ins,
           gint64     created,
           GError   **error)
{
  TovRecordClass *klass = ins->klass;
  char id[UUID_SIZE];
  char created_text[21];
  char updated_text[21];
  gint64 updated;

  g_assert (ins->next < ins->n_rows);

  if (ins->row_in_batch == 0)
    {
      /* SQLite allows 32766 parameters to a statement. */
      guint size = MIN (MIN (BATCH_ROWS, 32766 / ins->n_columns), ins->n_rows - ins->next);
      g_autofree char *sql = insert_sql (klass, size);

      ins->stmt = tov_store_prepare (ins->store, sql, error);
      if (ins->stmt == NULL)
        return FALSE;
      ins->batch_rows = size;
    }
  ins->offset = ins->row_in_batch * ins->n_columns;

  format_uuid (&ins->ids[ins->next], id);
  /* Most records are touched again within a year or so, in office hours. */
  updated = created + (gint64) (ins->ids[ins->next].lo % 400) * 86400;
  format_timestamp (created, created_text);
  format_timestamp (updated, updated_text);
  ins->next++;

  sqlite3_bind_text (ins->stmt, ins->offset + 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (ins->stmt, ins->offset + 2, created_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (ins->stmt, ins->offset + 3, updated_text, -1, SQLITE_TRANSIENT);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *pspec = klass->fields[i];
      int param = ins->offset + 4 + i;

      switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
        {
        case G_TYPE_STRING:
          if (tov_param_is_date (pspec) || tov_param_get_ref_type (pspec) != G_TYPE_INVALID)
            sqlite3_bind_null (ins->stmt, param);
          else
            sqlite3_bind_text (ins->stmt, param, "", 0, SQLITE_STATIC);
          break;

        case G_TYPE_INT64:
          sqlite3_bind_int64 (ins->stmt, param, G_PARAM_SPEC_INT64 (pspec)->default_value);
          break;

        case G_TYPE_BOOLEAN:
          sqlite3_bind_int (ins->stmt, param, G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
          break;

        case G_TYPE_ENUM:
          {
            GParamSpecEnum *enum_spec = G_PARAM_SPEC_ENUM (pspec);
            GEnumValue *value = g_enum_get_value (enum_spec->enum_class, enum_spec->default_value);

            sqlite3_bind_text (ins->stmt, param, value->value_nick, -1, SQLITE_STATIC);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;
}

static void
bind_text (Inserter   *ins,
           int         column,
           const char *text)
{
  sqlite3_bind_text (ins->stmt, ins->offset + column, text, -1, SQLITE_TRANSIENT);
}

static void
bind_string (Inserter *ins,
             int       column,
             GString  *text)
{
  sqlite3_bind_text (ins->stmt, ins->offset + column, text->str, text->len, SQLITE_TRANSIENT);
}

static void
bind_int (Inserter *ins,
          int       column,
          gint64    value)
{
  sqlite3_bind_int64 (ins->stmt, ins->offset + column, value);
}

static void
bind_date (Inserter *ins,
           int       column,
           gint64    days)
{
  char date[11];

  format_date (days, date);
  sqlite3_bind_text (ins->stmt, ins->offset + column, date, 10, SQLITE_TRANSIENT);
}

static void
bind_choice (Inserter *ins,
             int       column,
             GType     enum_type,
             int       value)
{
  GEnumClass *enum_class = g_type_class_peek (enum_type);

  sqlite3_bind_text (ins->stmt, ins->offset + column, g_enum_get_value (enum_class, value)->value_nick,
                     -1, SQLITE_STATIC);
}

/* Ends the row; the batch goes in when its last row is bound. */
static gboolean
end_row (Inserter  *ins,
         GError   **error)
{
  int rc;

  if (++ins->row_in_batch < ins->batch_rows)
    return TRUE;

  ins->row_in_batch = 0;
  rc = sqlite3_step (ins->stmt);
  sqlite3_reset (ins->stmt);
  if (rc != SQLITE_DONE)
    {
      tov_store_set_sqlite_error (ins->store, error);
      g_prefix_error (error, "%s: ", ins->klass->table);
      return FALSE;
    }
  return TRUE;
}

/* The id of the row begin_row() started last. */
static void
last_id (Inserter *ins,
         Id       *out)
{
  format_uuid (&ins->ids[ins->next - 1], out->text);
}

static GString *
text (Generator *gen,
      guint      i)
{
  g_string_truncate (gen->text[i], 0);
  return gen->text[i];
}

/* The tables --------------------------------------------------------------- */

static gboolean
write_themes (Generator  *gen,
              GError    **error)
{
  guint n = gen->options->themes;
  Inserter ins;
  int c_number, c_title, c_description;
  gboolean ok = TRUE;

  inserter_init (&ins, gen, TOV_TYPE_THEME, n);
  c_number = column (&ins, "number");
  c_title = column (&ins, "title");
  c_description = column (&ins, "description");

  gen->themes = g_new (Id, MAX (n, 1));
  for (guint i = 0; i < n && ok; i++)
    {
      GString *title = text (gen, 0);
      GString *description = text (gen, 1);

      if (!begin_row (&ins, FIRST_DAY * (gint64) 86400 + 9 * 3600, error))
        {
          ok = FALSE;
          break;
        }
      bind_int (&ins, c_number, i + 1);
      g_string_append (title, area_titles[i % G_N_ELEMENTS (area_titles)]);
      g_string_append (title, area_focuses[(i / G_N_ELEMENTS (area_titles)) % G_N_ELEMENTS (area_focuses)]);
      bind_string (&ins, c_title, title);
      append_sentences (gen, description, between (gen, 1, 3), append_purpose_sentence);
      bind_string (&ins, c_description, description);
      ok = end_row (&ins, error);
      last_id (&ins, &gen->themes[i]);
    }

  inserter_clear (&ins);
  return ok;
}

static gboolean
write_projects (Generator  *gen,
                GError    **error)
{
  guint n = gen->options->projects;
  guint n_themes = gen->options->themes;
  Inserter ins;
  int c_theme, c_number, c_title, c_purpose, c_anchoring, c_coordinator, c_state, c_start, c_end, c_case;
  gboolean ok = TRUE;

  inserter_init (&ins, gen, TOV_TYPE_PROJECT, n);
  c_theme = column (&ins, "theme_id");
  c_number = column (&ins, "number");
  c_title = column (&ins, "title");
  c_purpose = column (&ins, "purpose");
  c_anchoring = column (&ins, "anchoring");
  c_coordinator = column (&ins, "coordinator");
  c_state = column (&ins, "state");
  c_start = column (&ins, "start_date");
  c_end = column (&ins, "end_date");
  c_case = column (&ins, "case_number");

  gen->projects = g_new (Id, MAX (n, 1));
  gen->project_titles = g_new0 (char *, n + 1);
  for (guint i = 0; i < n && ok; i++)
    {
      GString *title = text (gen, 0);
      GString *purpose = text (gen, 1);
      GString *anchoring = text (gen, 2);
      GString *coordinator = text (gen, 3);
      gint64 created = random_moment (gen);
      gint64 start = created / 86400 + between (gen, 0, 200);
      char case_number[32];

      if (!begin_row (&ins, created, error))
        {
          ok = FALSE;
          break;
        }
      /* Themes hold consecutive numbers, as in the documents: theme 3 → project 4. */
      if (n_themes > 0 && chance (gen, 97))
        bind_text (&ins, c_theme, gen->themes[(guint64) i * n_themes / n].text);
      bind_int (&ins, c_number, i + 1);
      append_title (gen, title);
      bind_string (&ins, c_title, title);
      gen->project_titles[i] = g_strndup (title->str, title->len);
      append_sentences (gen, purpose, between (gen, 2, 7), append_purpose_sentence);
      bind_string (&ins, c_purpose, purpose);
      g_string_append (anchoring, PICK (gen, units));
      if (chance (gen, 30))
        g_string_append_printf (anchoring, " med en tværgående gruppe, der refererer til %s", PICK (gen, committees));
      bind_string (&ins, c_anchoring, anchoring);
      if (chance (gen, 85))
        {
          append_person (gen, coordinator);
          g_string_append_printf (coordinator, ", %s", PICK (gen, units));
        }
      bind_string (&ins, c_coordinator, coordinator);
      bind_choice (&ins, c_state, TOV_TYPE_PROJECT_STATE, between (gen, TOV_PROJECT_STATE_IDEA, TOV_PROJECT_STATE_CANCELLED));
      if (chance (gen, 80))
        {
          bind_date (&ins, c_start, start);
          if (chance (gen, 75))
            bind_date (&ins, c_end, start + between (gen, 180, 4 * 365));
        }
      g_snprintf (case_number, sizeof case_number, "%02d/%06d-%02d",
                  (int) ((created / 86400 / 365 + 1970) % 100), between (gen, 1, 30000), between (gen, 1, 99));
      bind_text (&ins, c_case, case_number);
      ok = end_row (&ins, error);
      last_id (&ins, &gen->projects[i]);
    }

  inserter_clear (&ins);
  return ok;
}

static gboolean
write_funding_sources (Generator  *gen,
                       GError    **error)
{
  guint n = gen->options->funding_sources;
  Inserter ins;
  int c_name, c_kind, c_description;
  gboolean ok = TRUE;

  inserter_init (&ins, gen, TOV_TYPE_FUNDING_SOURCE, n);
  c_name = column (&ins, "name");
  c_kind = column (&ins, "kind");
  c_description = column (&ins, "description");

  gen->funding_sources = g_new (Id, MAX (n, 1));
  for (guint i = 0; i < n && ok; i++)
    {
      const FundingName *name = &funding_names[i % G_N_ELEMENTS (funding_names)];
      GString *full_name = text (gen, 0);
      GString *description = text (gen, 1);

      if (!begin_row (&ins, FIRST_DAY * (gint64) 86400 + 10 * 3600, error))
        {
          ok = FALSE;
          break;
        }
      g_string_append (full_name, name->name);
      /* A pool returns every year or so with a new round of money. */
      if (i >= G_N_ELEMENTS (funding_names))
        g_string_append_printf (full_name, " %u", 2014 + (guint) (i / G_N_ELEMENTS (funding_names)));
      bind_string (&ins, c_name, full_name);
      bind_choice (&ins, c_kind, TOV_TYPE_FUNDING_KIND, name->kind);
      if (chance (gen, 60))
        append_sentences (gen, description, between (gen, 1, 2), append_purpose_sentence);
      bind_string (&ins, c_description, description);
      ok = end_row (&ins, error);
      last_id (&ins, &gen->funding_sources[i]);
    }

  inserter_clear (&ins);
  return ok;
}

static gint64
random_kroner (Generator *gen)
{
  gint64 kroner;

  /* From a few thousand to a few million, more small amounts than large. */
  switch (g_rand_int_range (gen->rand, 0, 4))
    {
    case 0:
      kroner = between (gen, 5, 100) * 1000;
      break;
    case 1:
    case 2:
      kroner = between (gen, 100, 1000) * 1000;
      break;
    default:
      kroner = between (gen, 10, 60) * 100000;
      break;
    }

  if (chance (gen, 70))
    kroner -= kroner % 5000;
  return MAX (kroner, 1000);
}

static gboolean
write_decisions (Generator  *gen,
                 GError    **error)
{
  guint n = gen->options->decisions;
  guint n_projects = gen->options->projects;
  g_autofree guint *counts = spread (gen, n, n_projects);
  Inserter ins;
  int c_project, c_number, c_text, c_state, c_decided;
  gboolean ok = TRUE;
  guint row = 0;

  inserter_init (&ins, gen, TOV_TYPE_DECISION, n);
  c_project = column (&ins, "project_id");
  c_number = column (&ins, "number");
  c_text = column (&ins, "text");
  c_state = column (&ins, "state");
  c_decided = column (&ins, "decided_on");

  gen->decisions = g_new (Id, MAX (n, 1));
  gen->project_decisions = g_new0 (guint, MAX (n_projects, 1));
  gen->project_n_decisions = g_new0 (guint, MAX (n_projects, 1));
  for (guint p = 0; p < n_projects && ok; p++)
    {
      gen->project_decisions[p] = row;
      gen->project_n_decisions[p] = counts[p];
      for (guint k = 0; k < counts[p] && ok; k++, row++)
        {
          GString *number = text (gen, 0);
          GString *sentence = text (gen, 1);
          gint64 created = random_moment (gen);
          int state = between (gen, TOV_DECISION_STATE_PROPOSED, TOV_DECISION_STATE_NOTED);
          int year = between (gen, 2015, 2026);

          if (!begin_row (&ins, created, error))
            {
              ok = FALSE;
              break;
            }
          bind_text (&ins, c_project, gen->projects[p].text);
          g_string_printf (number, "%u.%u", p + 1, k + 1);
          bind_string (&ins, c_number, number);

          switch (g_rand_int_range (gen->rand, 0, 6))
            {
            case 0:
              g_string_append (sentence, "Det indstilles, at Kommunalbestyrelsen bevilger ");
              append_kroner (sentence, random_kroner (gen));
              g_string_append_printf (sentence, " fra %s til %s.",
                                      funding_names[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (funding_names))].name,
                                      gen->project_titles[p]);
              break;
            case 1:
              g_string_append_printf (sentence, "Det indstilles, at strategien for %s godkendes.", gen->project_titles[p]);
              break;
            case 2:
              g_string_append_printf (sentence, "Det indstilles, at status for %s tages til efterretning.",
                                      gen->project_titles[p]);
              break;
            case 3:
              g_string_append_printf (sentence, "Det indstilles, at projektet forankres i %s fra %d.",
                                      PICK (gen, units), year);
              break;
            case 4:
              g_string_append_printf (sentence, "Det indstilles, at der i budgetlægningen for %d afsættes en "
                                                "årlig pulje på ", year);
              append_kroner (sentence, random_kroner (gen));
              g_string_append (sentence, " i budgetåret og overslagsårene.");
              break;
            default:
              g_string_append (sentence, "Det indstilles, at den forventede økonomiske gevinst på ");
              append_kroner (sentence, between (gen, 1, 9) * 100000);
              g_string_append (sentence, " stigende til ");
              append_kroner (sentence, between (gen, 10, 40) * 100000);
              g_string_append_printf (sentence, " i %d indarbejdes i budgettet.", year + 3);
              break;
            }
          if (chance (gen, 25))
            {
              g_string_append_c (sentence, ' ');
              append_purpose_sentence (gen, sentence);
            }
          bind_string (&ins, c_text, sentence);
          bind_choice (&ins, c_state, TOV_TYPE_DECISION_STATE, state);
          if (state != TOV_DECISION_STATE_PROPOSED)
            bind_date (&ins, c_decided, created / 86400 + between (gen, 14, 90));
          ok = end_row (&ins, error);
          last_id (&ins, &gen->decisions[row]);
        }
    }

  inserter_clear (&ins);
  return ok;
}

static gboolean
write_budget_lines (Generator  *gen,
                    GError    **error)
{
  guint n = gen->options->budget_lines;
  guint n_projects = gen->options->projects;
  guint n_sources = gen->options->funding_sources;
  g_autofree guint *counts = spread (gen, n, n_projects);
  Inserter ins;
  int c_project, c_decision, c_source, c_kind, c_amount, c_year, c_annual, c_note;
  gboolean ok = TRUE;

  if (n == 0)
    return TRUE;

  inserter_init (&ins, gen, TOV_TYPE_BUDGET_LINE, n);
  c_project = column (&ins, "project_id");
  c_decision = column (&ins, "decision_id");
  c_source = column (&ins, "funding_source_id");
  c_kind = column (&ins, "kind");
  c_amount = column (&ins, "amount_ore");
  c_year = column (&ins, "year");
  c_annual = column (&ins, "annual");
  c_note = column (&ins, "note");

  for (guint p = 0; p < n_projects && ok; p++)
    {
      /* A project draws on a few funding sources, not on all of them. */
      guint home_source = g_rand_int_range (gen->rand, 0, n_sources);
      int first_year = between (gen, 2014, 2024);

      for (guint k = 0; k < counts[p] && ok; k++)
        {
          GString *note = text (gen, 0);
          int kind = between (gen, TOV_BUDGET_KIND_GRANT, TOV_BUDGET_KIND_EXPECTED_GAIN);
          guint source = chance (gen, 60) ? home_source : (guint) g_rand_int_range (gen->rand, 0, n_sources);
          gint64 ore = random_kroner (gen) * 100;

          if (chance (gen, 10))
            ore += between (gen, 1, 99);

          if (!begin_row (&ins, year_start (first_year) * 86400 + between (gen, 0, 300) * 86400 + 9 * 3600, error))
            {
              ok = FALSE;
              break;
            }
          bind_text (&ins, c_project, gen->projects[p].text);
          if (gen->project_n_decisions[p] > 0 && chance (gen, 60))
            bind_text (&ins, c_decision,
                       gen->decisions[gen->project_decisions[p] +
                                      g_rand_int_range (gen->rand, 0, gen->project_n_decisions[p])].text);
          bind_text (&ins, c_source, gen->funding_sources[source].text);
          bind_choice (&ins, c_kind, TOV_TYPE_BUDGET_KIND, kind);
          bind_int (&ins, c_amount, ore);
          bind_int (&ins, c_year, MIN (first_year + between (gen, 0, 4), 2028));
          bind_int (&ins, c_annual, kind == TOV_BUDGET_KIND_BUDGET_PROPOSAL && chance (gen, 50));
          append_pattern (gen, note, PICK (gen, budget_notes));
          if (chance (gen, 40))
            g_string_append_printf (note, ", jf. indstilling %u.%u", p + 1,
                                    (guint) between (gen, 1, MAX (gen->project_n_decisions[p], 1)));
          if (chance (gen, 20))
            g_string_append_printf (note, " (%s)", PICK (gen, places));
          bind_string (&ins, c_note, note);
          ok = end_row (&ins, error);
        }
    }

  inserter_clear (&ins);
  return ok;
}

static gboolean
write_organisations (Generator  *gen,
                     GError    **error)
{
  guint n = gen->options->organisations;
  Inserter ins;
  int c_name, c_kind, c_contact, c_email, c_phone;
  gboolean ok = TRUE;

  inserter_init (&ins, gen, TOV_TYPE_ORGANISATION, n);
  c_name = column (&ins, "name");
  c_kind = column (&ins, "kind");
  c_contact = column (&ins, "contact_person");
  c_email = column (&ins, "email");
  c_phone = column (&ins, "phone");

  gen->organisations = g_new (Id, MAX (n, 1));
  gen->organisation_names = g_new0 (char *, n + 1);
  for (guint i = 0; i < n && ok; i++)
    {
      const OrganisationName *pattern = &PICK (gen, organisation_names);
      const char *slot = strchr (pattern->pattern, '%');
      GString *name = text (gen, 0);
      GString *contact = text (gen, 1);
      GString *email = text (gen, 2);
      GString *phone = text (gen, 3);
      const char *first = PICK (gen, first_names);

      if (!begin_row (&ins, random_moment (gen), error))
        {
          ok = FALSE;
          break;
        }
      g_string_append_len (name, pattern->pattern, slot - pattern->pattern);
      g_string_append (name, pattern->person ? PICK (gen, last_names) : PICK (gen, places));
      g_string_append (name, slot + 2);
      bind_string (&ins, c_name, name);
      gen->organisation_names[i] = g_strndup (name->str, name->len);
      bind_choice (&ins, c_kind, TOV_TYPE_ORGANISATION_KIND, pattern->kind);
      if (chance (gen, 80))
        {
          g_string_append_printf (contact, "%s %s", first, PICK (gen, last_names));
          append_mail_name (email, first);
          g_string_append_c (email, '@');
          append_mail_name (email, name->str);
          g_string_append (email, ".dk");
          g_string_append_printf (phone, "%d %02d %02d %02d", between (gen, 20, 99), between (gen, 0, 99),
                                  between (gen, 0, 99), between (gen, 0, 99));
        }
      bind_string (&ins, c_contact, contact);
      bind_string (&ins, c_email, email);
      bind_string (&ins, c_phone, phone);
      ok = end_row (&ins, error);
      last_id (&ins, &gen->organisations[i]);
    }

  inserter_clear (&ins);
  return ok;
}

static gboolean
write_partnerships (Generator  *gen,
                    GError    **error)
{
  static const char *terms[] = { "et år", "to år", "tre år" };
  guint n = gen->options->partnerships;
  guint n_organisations = gen->options->organisations;
  Inserter ins;
  int c_organisation, c_unit, c_title, c_purpose, c_state, c_signed, c_term, c_renewal, c_project, c_notes;
  gboolean ok = TRUE;

  inserter_init (&ins, gen, TOV_TYPE_PARTNERSHIP, n);
  c_organisation = column (&ins, "organisation_id");
  c_unit = column (&ins, "unit");
  c_title = column (&ins, "title");
  c_purpose = column (&ins, "purpose");
  c_state = column (&ins, "state");
  c_signed = column (&ins, "signed_on");
  c_term = column (&ins, "term_months");
  c_renewal = column (&ins, "renewal_due");
  c_project = column (&ins, "project_id");
  c_notes = column (&ins, "notes");

  gen->partnerships = g_new (Id, MAX (n, 1));
  for (guint i = 0; i < n && ok; i++)
    {
      guint organisation = g_rand_int_range (gen->rand, 0, n_organisations);
      const char *organisation_name = gen->organisation_names[organisation];
      int state = between (gen, TOV_PARTNERSHIP_STATE_EXPLORING, TOV_PARTNERSHIP_STATE_ENDED);
      GString *title = text (gen, 0);
      GString *purpose = text (gen, 1);
      GString *notes = text (gen, 2);
      gint64 created = random_moment (gen);

      if (!begin_row (&ins, created, error))
        {
          ok = FALSE;
          break;
        }
      bind_text (&ins, c_organisation, gen->organisations[organisation].text);
      bind_text (&ins, c_unit, chance (gen, 30) ? "Rødovre Kommune" : PICK (gen, units));
      if (chance (gen, 60))
        g_string_append_printf (title, "Samarbejdsaftale med %s", organisation_name);
      else
        g_string_append_printf (title, "Aftale om %s med %s", PICK (gen, roles), organisation_name);
      bind_string (&ins, c_title, title);
      g_string_append_printf (purpose, "Aftalen fastlægger forpligtelserne mellem Rødovre Kommune og %s, herunder "
                                       "baggrund og formål, organisering, rollefordeling, aktiviteter samt økonomi. ",
                              organisation_name);
      append_sentences (gen, purpose, between (gen, 0, 2), append_purpose_sentence);
      bind_string (&ins, c_purpose, purpose);
      bind_choice (&ins, c_state, TOV_TYPE_PARTNERSHIP_STATE, state);
      if (state == TOV_PARTNERSHIP_STATE_AGREEMENT || state == TOV_PARTNERSHIP_STATE_ENDED)
        {
          gint64 signed_on = created / 86400 + between (gen, 10, 120);
          int years = between (gen, 1, 3);
          int year, month, day;

          civil_from_days (signed_on, &year, &month, &day);
          bind_date (&ins, c_signed, signed_on);
          bind_int (&ins, c_term, years * 12);
          bind_date (&ins, c_renewal, days_from_civil (year + years, month, MIN (day, 28)));
          g_string_append_printf (notes, "Aftalen er indgået for %s og skal fornys i %s %d.",
                                  terms[years - 1], month < 7 ? "foråret" : "efteråret", year + years);
        }
      if (gen->options->projects > 0 && chance (gen, 40))
        bind_text (&ins, c_project, gen->projects[g_rand_int_range (gen->rand, 0, gen->options->projects)].text);
      if (chance (gen, 40))
        {
          if (notes->len > 0)
            g_string_append_c (notes, ' ');
          append_status_sentence (gen, notes);
        }
      bind_string (&ins, c_notes, notes);
      ok = end_row (&ins, error);
      last_id (&ins, &gen->partnerships[i]);
    }

  inserter_clear (&ins);
  return ok;
}

static gboolean
write_policies (Generator  *gen,
                GError    **error)
{
  guint n = gen->options->policies;
  Inserter ins;
  int c_title, c_description;
  gboolean ok = TRUE;

  inserter_init (&ins, gen, TOV_TYPE_POLICY, n);
  c_title = column (&ins, "title");
  c_description = column (&ins, "description");

  gen->policies = g_new (Id, MAX (n, 1));
  gen->policy_titles = g_new0 (char *, n + 1);
  for (guint i = 0; i < n && ok; i++)
    {
      GString *title = text (gen, 0);
      GString *description = text (gen, 1);

      if (!begin_row (&ins, random_moment (gen), error))
        {
          ok = FALSE;
          break;
        }
      g_string_append (title, policy_names[i % G_N_ELEMENTS (policy_names)]);
      if (i >= G_N_ELEMENTS (policy_names))
        g_string_append_printf (title, " %u", 2014 + 4 * (guint) (i / G_N_ELEMENTS (policy_names)));
      bind_string (&ins, c_title, title);
      gen->policy_titles[i] = g_strndup (title->str, title->len);
      append_sentences (gen, description, between (gen, 1, 4), append_purpose_sentence);
      bind_string (&ins, c_description, description);
      ok = end_row (&ins, error);
      last_id (&ins, &gen->policies[i]);
    }

  inserter_clear (&ins);
  return ok;
}

static gboolean
write_strategy_goals (Generator  *gen,
                      GError    **error)
{
  guint n = gen->options->strategy_goals;
  guint n_policies = gen->options->policies;
  Inserter ins;
  int c_policy, c_number, c_title;
  gboolean ok = TRUE;

  inserter_init (&ins, gen, TOV_TYPE_STRATEGY_GOAL, n);
  c_policy = column (&ins, "policy_id");
  c_number = column (&ins, "number");
  c_title = column (&ins, "title");

  /* As evenly as they go: the volunteer policy has four goals. */
  gen->policy_n_goals = g_new0 (guint, MAX (n_policies, 1));
  for (guint p = 0; p < n_policies && ok; p++)
    {
      gen->policy_n_goals[p] = n / n_policies + (p < n % n_policies);
      for (guint k = 0; k < gen->policy_n_goals[p] && ok; k++)
        {
          GString *title = text (gen, 0);

          if (!begin_row (&ins, random_moment (gen), error))
            {
              ok = FALSE;
              break;
            }
          bind_text (&ins, c_policy, gen->policies[p].text);
          bind_int (&ins, c_number, k + 1);
          g_string_append_printf (title, "Vi vil %s ", PICK (gen, goals));
          append_pattern (gen, title, PICK (gen, qualifiers));
          bind_string (&ins, c_title, title);
          ok = end_row (&ins, error);
        }
    }

  inserter_clear (&ins);
  return ok;
}

static gboolean
write_action_plans (Generator  *gen,
                    GError    **error)
{
  guint n = gen->options->action_plans;
  guint n_policies = gen->options->policies;
  Inserter ins;
  int c_policy, c_title, c_from, c_to;
  gboolean ok = TRUE;

  inserter_init (&ins, gen, TOV_TYPE_ACTION_PLAN, n);
  c_policy = column (&ins, "policy_id");
  c_title = column (&ins, "title");
  c_from = column (&ins, "period_from");
  c_to = column (&ins, "period_to");

  gen->plans = g_new (Id, MAX (n, 1));
  gen->plan_policy = g_new (guint, MAX (n, 1));
  gen->plan_from = g_new (int, MAX (n, 1));
  for (guint i = 0; i < n && ok; i++)
    {
      guint policy = i % n_policies;
      int from = between (gen, 2014, 2026);
      int to = from + between (gen, 0, 3);
      GString *title = text (gen, 0);
      g_autofree char *lower = g_utf8_strdown (gen->policy_titles[policy], -1);

      if (!begin_row (&ins, (year_start (from) - between (gen, 30, 200)) * 86400 + 10 * 3600, error))
        {
          ok = FALSE;
          break;
        }
      bind_text (&ins, c_policy, gen->policies[policy].text);
      g_string_append_printf (title, "Handleplan for %s ", lower);
      if (to > from)
        g_string_append_printf (title, "%d-%d", from, to);
      else
        g_string_append_printf (title, "%d", from);
      bind_string (&ins, c_title, title);
      bind_int (&ins, c_from, from);
      bind_int (&ins, c_to, to);
      ok = end_row (&ins, error);
      last_id (&ins, &gen->plans[i]);
      gen->plan_policy[i] = policy;
      gen->plan_from[i] = from;
    }

  inserter_clear (&ins);
  return ok;
}

static void
append_goal_numbers (Generator *gen,
                     GString   *out,
                     guint      n_goals)
{
  guint first = between (gen, 1, n_goals);
  guint last = between (gen, first, n_goals);

  if (first == last)
    g_string_append_printf (out, "%u", first);
  else if (last == first + 1)
    g_string_append_printf (out, "%u og %u", first, last);
  else
    {
      for (guint k = first; k < last; k++)
        g_string_append_printf (out, k > first ? ", %u" : "%u", k);
      g_string_append_printf (out, " og %u", last);
    }
}

static gboolean
write_initiatives (Generator  *gen,
                   GError    **error)
{
  guint n = gen->options->initiatives;
  guint n_plans = gen->options->action_plans;
  g_autofree guint *counts = spread (gen, n, n_plans);
  Inserter ins;
  int c_plan, c_number, c_title, c_target, c_purpose, c_goals, c_coordinator, c_partners, c_start, c_end,
      c_period, c_activities, c_state;
  gboolean ok = TRUE;
  guint row = 0;

  inserter_init (&ins, gen, TOV_TYPE_INITIATIVE, n);
  c_plan = column (&ins, "plan_id");
  c_number = column (&ins, "number");
  c_title = column (&ins, "title");
  c_target = column (&ins, "target_group");
  c_purpose = column (&ins, "purpose");
  c_goals = column (&ins, "strategy_goals");
  c_coordinator = column (&ins, "coordinator");
  c_partners = column (&ins, "partners");
  c_start = column (&ins, "start_date");
  c_end = column (&ins, "end_date");
  c_period = column (&ins, "period_text");
  c_activities = column (&ins, "activities");
  c_state = column (&ins, "state");

  gen->initiatives = g_new (Id, MAX (n, 1));
  for (guint p = 0; p < n_plans && ok; p++)
    for (guint k = 0; k < counts[p] && ok; k++, row++)
      {
        GString *title = text (gen, 0);
        GString *purpose = text (gen, 1);
        GString *partners = text (gen, 2);
        GString *scratch = text (gen, 3);
        int from = gen->plan_from[p];
        guint n_goals = gen->policy_n_goals[gen->plan_policy[p]];

        if (!begin_row (&ins, (year_start (from) - between (gen, 0, 100)) * 86400 + 11 * 3600, error))
          {
            ok = FALSE;
            break;
          }
        bind_text (&ins, c_plan, gen->plans[p].text);
        bind_int (&ins, c_number, k + 1);
        append_title (gen, title);
        bind_string (&ins, c_title, title);
        bind_text (&ins, c_target, PICK (gen, target_groups));
        append_sentences (gen, purpose, between (gen, 1, 4), append_purpose_sentence);
        bind_string (&ins, c_purpose, purpose);
        if (n_goals > 0)
          {
            append_goal_numbers (gen, scratch, n_goals);
            bind_string (&ins, c_goals, scratch);
          }
        scratch = text (gen, 3);
        append_person (gen, scratch);
        g_string_append_printf (scratch, ", %s", PICK (gen, units));
        bind_string (&ins, c_coordinator, scratch);
        g_string_append_printf (partners, "%s, %s og %s", PICK (gen, units), PICK (gen, units),
                                gen->options->organisations > 0 && chance (gen, 70)
                                  ? gen->organisation_names[g_rand_int_range (gen->rand, 0, gen->options->organisations)]
                                  : PICK (gen, partner_kinds));
        bind_string (&ins, c_partners, partners);
        scratch = text (gen, 3);
        if (chance (gen, 60))
          {
            gint64 start = year_start (from) + between (gen, 0, 200);

            bind_date (&ins, c_start, start);
            bind_date (&ins, c_end, start + between (gen, 180, 3 * 365));
          }
        else
          {
            g_string_append_printf (scratch, "%s %d til %s %d", chance (gen, 50) ? "Medio" : "Primo", from,
                                    chance (gen, 50) ? "ultimo" : "medio", from + between (gen, 1, 3));
          }
        bind_string (&ins, c_period, scratch);
        scratch = text (gen, 3);
        append_sentences (gen, scratch, between (gen, 2, 6), append_activity_sentence);
        bind_string (&ins, c_activities, scratch);
        bind_choice (&ins, c_state, TOV_TYPE_PROGRESS, between (gen, TOV_PROGRESS_PLANNED, TOV_PROGRESS_DROPPED));
        ok = end_row (&ins, error);
        last_id (&ins, &gen->initiatives[row]);
      }

  inserter_clear (&ins);
  return ok;
}

static gboolean
write_status_updates (Generator  *gen,
                      GError    **error)
{
  const TovGenerateOptions *o = gen->options;
  guint n = o->status_updates;
  /* Initiatives get half the updates, projects a third, partnerships the rest. */
  guint weights[3] = { o->projects > 0 ? 35 : 0, o->initiatives > 0 ? 50 : 0, o->partnerships > 0 ? 15 : 0 };
  guint n_parents[3] = { o->projects, o->initiatives, o->partnerships };
  const Id *parents[3] = { gen->projects, gen->initiatives, gen->partnerships };
  guint total_weight = weights[0] + weights[1] + weights[2];
  guint last_kind = weights[2] > 0 ? 2 : weights[1] > 0 ? 1 : 0;
  Inserter ins;
  int c_parent[3], c_date, c_state, c_text;
  gboolean ok = TRUE;
  guint written = 0;

  inserter_init (&ins, gen, TOV_TYPE_STATUS_UPDATE, n);
  c_parent[0] = column (&ins, "project_id");
  c_parent[1] = column (&ins, "initiative_id");
  c_parent[2] = column (&ins, "partnership_id");
  c_date = column (&ins, "date");
  c_state = column (&ins, "state");
  c_text = column (&ins, "text");

  for (guint kind = 0; kind < 3 && ok; kind++)
    {
      guint n_kind;
      g_autofree guint *counts = NULL;

      if (weights[kind] == 0)
        continue;
      /* The last kind gets what rounding left over. */
      if (kind == last_kind)
        n_kind = n - written;
      else
        n_kind = (guint) ((guint64) n * weights[kind] / total_weight);
      counts = spread (gen, n_kind, n_parents[kind]);

      for (guint p = 0; p < n_parents[kind] && ok; p++)
        for (guint k = 0; k < counts[p] && ok; k++)
          {
            GString *body = text (gen, 0);
            gint64 moment = random_moment (gen);

            if (!begin_row (&ins, moment, error))
              {
                ok = FALSE;
                break;
              }
            bind_text (&ins, c_parent[kind], parents[kind][p].text);
            bind_date (&ins, c_date, moment / 86400);
            bind_choice (&ins, c_state, TOV_TYPE_PROGRESS,
                         chance (gen, 60) ? TOV_PROGRESS_IN_PROGRESS : between (gen, TOV_PROGRESS_PLANNED, TOV_PROGRESS_DROPPED));
            append_sentences (gen, body, between (gen, 1, 5), append_status_sentence);
            bind_string (&ins, c_text, body);
            ok = end_row (&ins, error);
          }
      written += n_kind;
    }

  inserter_clear (&ins);
  return ok;
}

/* Setting up --------------------------------------------------------------- */

static gboolean
check_options (const TovGenerateOptions  *o,
               GError                   **error)
{
  const char *missing = NULL;

  if ((o->decisions > 0 || o->budget_lines > 0) && o->projects == 0)
    missing = _("Decisions and budget lines need projects.");
  else if (o->budget_lines > 0 && o->funding_sources == 0)
    missing = _("Budget lines need funding sources.");
  else if (o->partnerships > 0 && o->organisations == 0)
    missing = _("Partnerships need organisations.");
  else if ((o->strategy_goals > 0 || o->action_plans > 0) && o->policies == 0)
    missing = _("Strategy goals and action plans need policies.");
  else if (o->initiatives > 0 && o->action_plans == 0)
    missing = _("Initiatives need action plans.");
  else if (o->status_updates > 0 && o->projects + o->initiatives + o->partnerships == 0)
    missing = _("Status updates need projects, initiatives or partnerships.");

  if (missing != NULL)
    {
      g_set_error_literal (error, TOV_ERROR, TOV_ERROR_INVALID, missing);
      return FALSE;
    }
  return TRUE;
}

/* Counted here rather than with tov_store_count(), which leaves its
 * statement on a row: an open read would keep the checkpoint after the
 * load from emptying the write-ahead log.
 */
static gboolean
is_empty (TovStore *store)
{
  guint n_types;
  const GType *types = tov_record_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    if (types[i] != TOV_TYPE_PORTFOLIO)
      {
        TovRecordClass *klass = g_type_class_peek (types[i]);
        g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s)", klass->table);

        gint64 exists = 0;

        if (!tov_store_query_int (store, sql, &exists, NULL) || exists)
          return FALSE;
      }
  return TRUE;
}

/* The portfolio record goes in through the store, which keeps it. */
static gboolean
write_portfolio (Generator   *gen,
                 const Uuid  *uuid,
                 GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  char id[UUID_SIZE];
  char created[21];

  format_uuid (uuid, id);
  format_timestamp (FIRST_DAY * (gint64) 86400 + 8 * 3600, created);
  g_ptr_array_add (records, g_object_new (TOV_TYPE_PORTFOLIO,
                                          "id", id,
                                          "created", created,
                                          "updated", created,
                                          "name", "Sammen om Rødovre",
                                          "municipality", "Rødovre Kommune",
                                          "description",
                                          "I februar 2014 besluttede Kommunalbestyrelsen visionen Sammen om "
                                          "Rødovre. Visionen skal realiseres af fire veje\n"
                                          "1. Vi vil styrke den offentlige samtale\n"
                                          "2. Borgerne skal være med til at samskabe velfærden\n"
                                          "3. Vi skal løse opgaverne i fællesskab\n"
                                          "4. Hjælp til dem der har behov",
                                          NULL));
  return tov_store_save_all (gen->store, records, error);
}

typedef gboolean (*WriteFunc) (Generator *gen, GError **error);

static gboolean
write_all (Generator  *gen,
           GError    **error)
{
  static const struct { const char *table; WriteFunc func; } steps[] = {
    { "theme", write_themes },
    { "project", write_projects },
    { "funding_source", write_funding_sources },
    { "decision", write_decisions },
    { "budget_line", write_budget_lines },
    { "organisation", write_organisations },
    { "partnership", write_partnerships },
    { "policy", write_policies },
    { "strategy_goal", write_strategy_goals },
    { "action_plan", write_action_plans },
    { "initiative", write_initiatives },
    { "status_update", write_status_updates },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!steps[i].func (gen, error))
        return FALSE;
      g_debug ("%s: %.2f s", steps[i].table, (g_get_monotonic_time () - start) / 1e6);
    }
  return TRUE;
}

/**
 * tov_generate_scale_from_name:
 * @name: "small", "medium", "large" or "huge"
 */
gboolean
tov_generate_scale_from_name (const char       *name,
                              TovGenerateScale *scale)
{
  static const char *names[] = { "small", "medium", "large", "huge" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *scale = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * tov_generate_options_init:
 *
 * Sets @options to the counts of @scale and the default seed.
 */
void
tov_generate_options_init (TovGenerateOptions *options,
                           TovGenerateScale    scale)
{
  static const TovGenerateOptions large = {
    .themes = 60, .projects = 5000, .decisions = 25000, .funding_sources = 40,
    .budget_lines = 100000, .organisations = 2000, .partnerships = 2000, .policies = 25,
    .strategy_goals = 100, .action_plans = 500, .initiatives = 20000, .status_updates = 200000,
    .seed = TOV_GENERATE_DEFAULT_SEED,
  };

  g_return_if_fail (options != NULL);

  *options = large;
  switch (scale)
    {
    case TOV_GENERATE_SMALL:
      *options = (TovGenerateOptions) {
        .themes = 6, .projects = 50, .decisions = 250, .funding_sources = 8,
        .budget_lines = 1000, .organisations = 20, .partnerships = 20, .policies = 3,
        .strategy_goals = 12, .action_plans = 5, .initiatives = 200, .status_updates = 2000,
        .seed = TOV_GENERATE_DEFAULT_SEED,
      };
      break;

    case TOV_GENERATE_MEDIUM:
      *options = (TovGenerateOptions) {
        .themes = 20, .projects = 500, .decisions = 2500, .funding_sources = 20,
        .budget_lines = 10000, .organisations = 200, .partnerships = 200, .policies = 10,
        .strategy_goals = 40, .action_plans = 50, .initiatives = 2000, .status_updates = 20000,
        .seed = TOV_GENERATE_DEFAULT_SEED,
      };
      break;

    case TOV_GENERATE_HUGE:
      options->budget_lines = 1000000;
      break;

    case TOV_GENERATE_LARGE:
    default:
      break;
    }
}

/**
 * tov_generate:
 * @store: a new portfolio, with no records but its portfolio record
 *
 * Writes a made-up portfolio of the size @options asks for into @store:
 * Danish titles and texts, amounts in whole øre, dates and timestamps
 * between 2014 and 2025. The same options always write the same records,
 * ids and times included. The rows go in one transaction that cannot be
 * undone, then the portfolio record is replaced; on an error the rows are
 * not written.
 *
 * Returns: whether the portfolio was written
 */
gboolean
tov_generate (TovStore                  *store,
              const TovGenerateOptions  *options,
              GError                   **error)
{
  Generator gen = { 0, };
  g_autofree Uuid *portfolio_id = NULL;
  gint64 cache_size = 0, temp_store = 0, synchronous = 0;
  gboolean ok;
  guint n_types;
  const GType *types;

  g_return_val_if_fail (TOV_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_options (options, error))
    return FALSE;
  if (!is_empty (store))
    {
      g_set_error_literal (error, TOV_ERROR, TOV_ERROR_INVALID,
                           _("The portfolio already has records. Generate into a new file."));
      return FALSE;
    }

  gen.store = store;
  gen.options = options;
  gen.rand = g_rand_new_with_seed (options->seed);
  for (guint i = 0; i < G_N_ELEMENTS (gen.text); i++)
    gen.text[i] = g_string_sized_new (2048);

  portfolio_id = draw_uuids (&gen, 1);

  /* The load is one transaction that nobody else waits for: no syncing
   * in the middle, statement journals in memory and a page cache that
   * holds the indexes. All three are put back afterwards.
   */
  tov_store_query_int (store, "PRAGMA cache_size", &cache_size, NULL);
  tov_store_query_int (store, "PRAGMA temp_store", &temp_store, NULL);
  tov_store_query_int (store, "PRAGMA synchronous", &synchronous, NULL);
  tov_store_set_pragma (store, "cache_size", -LOAD_CACHE_KIB);
  tov_store_set_pragma (store, "temp_store", 2);
  tov_store_set_pragma (store, "synchronous", 0);

  ok = tov_store_ensure_intact (store, error) && tov_store_run (store, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      ok = write_all (&gen, error);
      if (ok)
        ok = tov_store_run (store, "COMMIT", error);
      if (!ok)
        tov_store_run (store, "ROLLBACK", NULL);
    }

  tov_store_set_pragma (store, "synchronous", synchronous);
  tov_store_set_pragma (store, "temp_store", temp_store);
  tov_store_set_pragma (store, "cache_size", cache_size);
  /* Leave a file that holds everything, not a write-ahead log as large as it. */
  if (ok)
    tov_store_run (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);

  /* Last, so that a load that fails leaves the portfolio as it was. */
  if (ok)
    ok = write_portfolio (&gen, portfolio_id, error);

  generator_clear (&gen);
  if (!ok)
    return FALSE;

  /* Lists made before the load learn of the rows as after any commit. */
  types = tov_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    if (types[i] != TOV_TYPE_PORTFOLIO)
      {
        TovRecordClass *klass = g_type_class_peek (types[i]);
        g_autofree char *signal = g_strconcat ("changed::", klass->table, NULL);

        g_signal_emit_by_name (store, signal, types[i]);
      }

  return TRUE;
}
