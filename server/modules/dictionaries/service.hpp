#pragma once
// Dictionaries: reading them (every module that offers a choice from one) and maintaining them
// (an administrator). Entries are never removed; retiring one stops it being offered for new
// records while old records keep its name.
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "modules/dictionaries/model.hpp"

namespace tongxin::dictionaries {

// A dictionary's entries in their order (retired ones too, unless `offered_only`).
std::vector<Entry> Entries(db::Connection& conn, const std::string& dictionary, bool offered_only = false);
// The codes of a dictionary's offered entries, in order.
std::vector<std::string> OfferedCodes(db::Connection& conn, const std::string& dictionary);
// True if `code` is an offered entry of the dictionary (what a new record may use).
bool IsOffered(db::Connection& conn, const std::string& dictionary, const std::string& code);
// The offered entry a spreadsheet cell names: its code, or its Chinese or English name.
std::optional<std::string> CodeNamed(db::Connection& conn, const std::string& dictionary, const std::string& text);

// Adds an entry (409 if the code exists) or changes one's names, order and whether it is
// offered; each audited. Call inside a write transaction.
Entry AddEntry(db::Connection& conn, const std::string& dictionary, const EntryInput& in, const audit::Actor& actor);
Entry UpdateEntry(db::Connection& conn, const std::string& dictionary, const std::string& code, const EntryInput& in,
                  const audit::Actor& actor);

}  // namespace tongxin::dictionaries
