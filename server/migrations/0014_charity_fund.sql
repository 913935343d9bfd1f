-- Care and relief fund (公益慈善基金): a double-entry ledger in integer fen.
--
-- Accounts of a community's fund: cash (bank and cash box) and in_kind (goods, at their
-- valuation) are assets with debit balances; general (unrestricted) and one account per
-- project hold the fund's money with credit balances. A donation debits cash or in_kind and
-- credits its project (or general); a payment debits the project and credits cash or in_kind.
-- Every transaction's entries sum to zero; entries are never changed or deleted; a mistake is
-- reversed by a new transaction with a reason. balance_fen caches the sum of an account's
-- entries, moved in the same transaction, and its CHECK keeps assets from going negative and
-- projects from being overdrawn.
CREATE TABLE charity_accounts (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('cash', 'in_kind', 'general', 'project')),
    project_id BIGINT,
    name TEXT NOT NULL,
    balance_fen BIGINT NOT NULL DEFAULT 0,
    CHECK ((kind IN ('cash', 'in_kind') AND balance_fen >= 0) OR (kind IN ('general', 'project') AND balance_fen <= 0))
);
CREATE UNIQUE INDEX charity_accounts_kind ON charity_accounts(community_id, kind, (coalesce(project_id, 0)));

CREATE TABLE charity_projects (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    goal_fen BIGINT NOT NULL CHECK (goal_fen >= 0),
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    description TEXT NOT NULL DEFAULT '',
    beneficiaries TEXT NOT NULL DEFAULT '',
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX charity_projects_community ON charity_projects(community_id);

-- kind: donation | disbursement | reversal
CREATE TABLE charity_transactions (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    memo TEXT NOT NULL DEFAULT '',
    reverses_id BIGINT REFERENCES charity_transactions(id),
    reason TEXT NOT NULL DEFAULT '',
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX charity_transactions_reversal ON charity_transactions(reverses_id);
CREATE INDEX charity_transactions_community ON charity_transactions(community_id, occurred_on);

CREATE TABLE charity_entries (
    id {{ID}},
    transaction_id BIGINT NOT NULL REFERENCES charity_transactions(id),
    account_id BIGINT NOT NULL REFERENCES charity_accounts(id),
    amount_fen BIGINT NOT NULL CHECK (amount_fen <> 0)
);
CREATE INDEX charity_entries_transaction ON charity_entries(transaction_id);
CREATE INDEX charity_entries_account ON charity_entries(account_id);

-- channel: crowdfunding_online | crowdfunding_offline | public_collection | corporate |
-- charity_sale | gala. form: cash | in_kind. donor_kind: resident | organization | anonymous.
CREATE TABLE charity_donations (
    id {{ID}},
    transaction_id BIGINT NOT NULL UNIQUE REFERENCES charity_transactions(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    project_id BIGINT REFERENCES charity_projects(id),
    channel TEXT NOT NULL,
    form TEXT NOT NULL,
    amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
    goods TEXT NOT NULL DEFAULT '',
    valuation_basis TEXT NOT NULL DEFAULT '',
    donor_kind TEXT NOT NULL,
    donor_resident_id BIGINT REFERENCES residents(id),
    donor_name TEXT NOT NULL DEFAULT '',
    publish_name BIGINT NOT NULL DEFAULT 0,
    epidemic BIGINT NOT NULL DEFAULT 0,
    receipt_no TEXT NOT NULL UNIQUE,
    donated_on TEXT NOT NULL,
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX charity_donations_community ON charity_donations(community_id, donated_on);
CREATE INDEX charity_donations_project ON charity_donations(project_id, donated_on);

-- A disbursement is requested, approved by two different people (neither the requester), then
-- paid (the ledger transaction). status: requested | approved | paid | rejected.
CREATE TABLE charity_disbursements (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    project_id BIGINT NOT NULL REFERENCES charity_projects(id),
    form TEXT NOT NULL DEFAULT 'cash',
    amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
    beneficiary_kind TEXT NOT NULL,
    household_id BIGINT REFERENCES households(id),
    organization_id BIGINT REFERENCES organizations(id),
    purpose TEXT NOT NULL,
    evidence TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'requested',
    requested_by BIGINT NOT NULL,
    first_approver BIGINT,
    second_approver BIGINT,
    rejected_by BIGINT,
    transaction_id BIGINT REFERENCES charity_transactions(id),
    paid_on TEXT,
    created_at BIGINT NOT NULL,
    CHECK (first_approver IS NULL OR first_approver <> requested_by),
    CHECK (second_approver IS NULL OR (second_approver <> requested_by AND second_approver <> first_approver))
);
CREATE INDEX charity_disbursements_project ON charity_disbursements(project_id, status);

CREATE TABLE charity_disclosures (
    id {{ID}},
    project_id BIGINT NOT NULL REFERENCES charity_projects(id),
    published_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX charity_disclosures_project ON charity_disclosures(project_id, published_on);
