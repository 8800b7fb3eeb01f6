//! What a piece of running text says about the projects around it: their
//! funding and their status. Section headings, list intros and the sentences
//! of stated counts are read with the same words ([`crate::lexicon`]).

use crate::lexicon::{self, has_any};
use crate::model::{Funding, PortfolioStatus};
use crate::text::norm;

/// Funding named by a text: `bidrag…` or `oppdrag…`, `None` when both or neither.
pub(crate) fn funding_in(text: &str) -> Option<Funding> {
    let t = norm(text);
    let b = has_any(&t, lexicon::BIDRAG);
    let o = has_any(&t, lexicon::OPPDRAG);
    match (b, o) {
        (true, false) => Some(Funding::Bidrag),
        (false, true) => Some(Funding::Oppdrag),
        _ => None,
    }
}

/// Status a sentence gives to the projects it introduces.
pub(crate) fn status_in(text: &str) -> Option<PortfolioStatus> {
    let t = norm(text);
    if has_any(&t, lexicon::ONGOING) {
        Some(PortfolioStatus::Ongoing)
    } else if has_any(&t, lexicon::GRANTED) || has_any(&t, lexicon::NEW_PROJECTS) {
        Some(PortfolioStatus::Granted)
    } else {
        None
    }
}

/// Does the normalised text `t` speak of projects ([`lexicon::PROJECTS`])?
pub(crate) fn about_projects(t: &str) -> bool {
    has_any(t, lexicon::PROJECTS)
}

/// Does the text speak of projects (`prosjekt…`, `oppdrag…`)?
pub(crate) fn mentions_projects(text: &str) -> bool {
    about_projects(&norm(text))
}
