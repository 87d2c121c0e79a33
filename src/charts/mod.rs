//! Charts: one function per chart kind, data in, [`Figure`](crate::display::Figure) (SVG) out.
//! Titles and axis labels are given in English by the caller through [`ChartSpec`].

mod bar;
mod boxplot;
mod dendrogram;
mod heatmap;
mod histogram;
mod line;
mod pie;
mod scatter;
mod spec;
mod tree;

pub use bar::{bar, barh};
pub use boxplot::{box_stats, boxplot, BoxStats};
pub use dendrogram::{dendrogram, Merge};
pub use heatmap::heatmap;
pub use histogram::{histogram, histogram_counts};
pub use line::{line, line_categories, LineSeries};
pub use pie::pie;
pub use scatter::{scatter, ScatterGroup};
pub use spec::{color, ChartSpec, PALETTE};
pub use tree::tree_diagram;
