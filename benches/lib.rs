//! Seeded generator.
