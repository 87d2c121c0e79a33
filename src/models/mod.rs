//! Models, one family per module.

pub mod forecast;
