//! Charts: one function per chart kind, data in, [`Figure`](crate::display::Figure) (SVG) out.
//! Titles and axis labels are given in English by the caller through [`ChartSpec`].

mod bar;
mod boxplot;
mod canvas;
mod correlogram;
mod dendrogram;
mod forecast_band;
mod heatmap;
mod histogram;
mod lag_plot;
mod line;
mod note;
mod pie;
mod qq;
mod scatter;
mod spec;
mod tree;

pub use bar::{bar, barh};
pub use boxplot::{box_stats, boxplot, BoxStats};
pub use canvas::tick_label;
pub use correlogram::correlogram;
pub use dendrogram::{dendrogram, Merge};
pub use forecast_band::forecast_band;
pub use heatmap::heatmap;
pub use histogram::{histogram, histogram_counts};
pub use lag_plot::{lag_correlation, lag_plot, lag_plots};
pub use line::{line, line_categories, LineSeries};
pub use note::note;
pub use pie::pie;
pub use qq::qq_plot;
pub use scatter::{scatter, ScatterGroup};
pub use spec::{color, ChartSpec, PALETTE};
pub use tree::tree_diagram;
