//! Queries: parsing, filters, facets and rendering.
