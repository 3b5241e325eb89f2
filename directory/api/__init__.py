"""A read-only Open Referral UK (HSDS 3.0, UK profile) API for the directory."""
