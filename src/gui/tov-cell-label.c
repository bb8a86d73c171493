/* tov-cell-label.c: one line of text in a list cell, cheap to keep.
 *
 * GTK 4.8's list and column views keep 200 rows alive whatever their
 * height, and measure every one of them. A GtkLabel shapes its text to
 * measure it, so a list of six columns shaped 1,200 strings before its
 * first frame. A cell label is one line high by its font, and as wide as
 * its width-chars say, without looking at its text: the text is shaped
 * only when the cell is drawn, which only the rows on screen are. A text
 * cut short shows whole in the cell's tooltip, asked for when the pointer
 * rests on it: setting a tooltip at every bind would ask the display
 * server where the pointer is, for every cell scrolled into view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-cell-label"

#include "config.h"

#include "tov-cell-label.h"

struct _TovCellLabel
{
  GtkWidget parent_instance;

  char *label;
  float xalign;
  int width_chars;

  PangoLayout *layout;    /* made when first drawn */
};

G_DEFINE_FINAL_TYPE (TovCellLabel, tov_cell_label, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_XALIGN,
  PROP_WIDTH_CHARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  int height;
  int ascent;
  int char_width;
} LineMetrics;

/* The metrics of a line of @widget's font, measured once a font:
 * pango_context_get_metrics() shapes a sample text every time it is asked.
 */
static const LineMetrics *
line_metrics (GtkWidget *widget)
{
  static GHashTable *by_font;   /* PangoFontDescription → LineMetrics */
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  LineMetrics *line;

  if (by_font == NULL)
    by_font = g_hash_table_new_full ((GHashFunc) pango_font_description_hash,
                                     (GEqualFunc) pango_font_description_equal,
                                     (GDestroyNotify) pango_font_description_free, g_free);

  line = g_hash_table_lookup (by_font, font);
  if (line == NULL)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      line = g_new (LineMetrics, 1);
      line->height = pango_font_metrics_get_height (metrics);
      line->ascent = pango_font_metrics_get_ascent (metrics);
      line->char_width = pango_font_metrics_get_approximate_char_width (metrics);
      pango_font_metrics_unref (metrics);
      g_hash_table_insert (by_font, pango_font_description_copy (font), line);
    }

  return line;
}

static void
tov_cell_label_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  TovCellLabel *self = TOV_CELL_LABEL (widget);
  const LineMetrics *line = line_metrics (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 0;
      *natural = PANGO_PIXELS_CEIL (self->width_chars * line->char_width);
    }
  else
    {
      *minimum = *natural = PANGO_PIXELS_CEIL (line->height);
      *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (line->ascent);
    }
}

static void
tov_cell_label_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TovCellLabel *self = TOV_CELL_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle extents;

  if (self->label == NULL || self->label[0] == '\0' || width <= 0)
    return;

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->label);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      /* GtkLabel takes font features from CSS; amounts line up by them. */
      if (gtk_widget_has_css_class (widget, "numeric"))
        {
          PangoAttrList *attributes = pango_attr_list_new ();

          pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
          pango_layout_set_attributes (self->layout, attributes);
          pango_attr_list_unref (attributes);
        }
    }
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (self->layout, NULL, &extents);

  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget),
                              (width - extents.width) * self->xalign - extents.x,
                              (height - extents.height) / 2,
                              self->layout);
}

/* A text cut short shows whole in its tooltip. */
static gboolean
tov_cell_label_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  TovCellLabel *self = TOV_CELL_LABEL (widget);

  if (self->layout == NULL || !pango_layout_is_ellipsized (self->layout))
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->label);
  return TRUE;
}

static void
forget_layout (TovCellLabel *self)
{
  g_clear_object (&self->layout);
}

static void
tov_cell_label_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (tov_cell_label_parent_class)->css_changed (widget, change);

  /* The font may be another now. */
  forget_layout (TOV_CELL_LABEL (widget));
  gtk_widget_queue_resize (widget);
}

static void
tov_cell_label_finalize (GObject *object)
{
  TovCellLabel *self = TOV_CELL_LABEL (object);

  g_free (self->label);
  forget_layout (self);

  G_OBJECT_CLASS (tov_cell_label_parent_class)->finalize (object);
}

static void
tov_cell_label_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TovCellLabel *self = TOV_CELL_LABEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_XALIGN:
      g_value_set_float (value, self->xalign);
      break;

    case PROP_WIDTH_CHARS:
      g_value_set_int (value, self->width_chars);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_cell_label_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TovCellLabel *self = TOV_CELL_LABEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      tov_cell_label_set_label (self, g_value_get_string (value));
      break;

    case PROP_XALIGN:
      self->xalign = g_value_get_float (value);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case PROP_WIDTH_CHARS:
      self->width_chars = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_cell_label_class_init (TovCellLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tov_cell_label_finalize;
  object_class->get_property = tov_cell_label_get_property;
  object_class->set_property = tov_cell_label_set_property;

  widget_class->measure = tov_cell_label_measure;
  widget_class->snapshot = tov_cell_label_snapshot;
  widget_class->css_changed = tov_cell_label_css_changed;
  widget_class->query_tooltip = tov_cell_label_query_tooltip;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_XALIGN] = g_param_spec_float ("xalign", NULL, NULL, 0, 1, 0, flags);
  /* How wide the cell would like to be, in average characters. */
  properties[PROP_WIDTH_CHARS] = g_param_spec_int ("width-chars", NULL, NULL, 0, G_MAXINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
tov_cell_label_init (TovCellLabel *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

void
tov_cell_label_set_label (TovCellLabel *self,
                          const char   *label)
{
  g_return_if_fail (TOV_IS_CELL_LABEL (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, label != NULL ? label : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
tov_cell_label_get_label (TovCellLabel *self)
{
  g_return_val_if_fail (TOV_IS_CELL_LABEL (self), NULL);

  return self->label;
}
