//! How results are shown: [`Table`] (text and escaped HTML), [`Figure`] (SVG),
//! [`FrameDisplay`] (polars frames and series as notebook tables), and the
//! number formatting they share.

mod figure;
mod format;
mod frame;
mod grid;
mod html;
mod progress;
mod table;

pub use figure::Figure;
pub use format::{number, percent, thousands};
pub use frame::FrameDisplay;
pub use grid::FigureGrid;
pub use html::{emit_rich, escape_html};
pub use progress::Progress;
pub use table::{AsTable, Table};
