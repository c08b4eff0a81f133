//! What each role may do, enforced by PostgreSQL itself (schema version 3), not only by
//! table grants: a role with `psql` and its grants can do no more than the app lets it.
//! See docs/shared-projects.md, "Roles and GRANTs".
//!
//! - **Authorship is the server's.** `edits.author` and `edits.at`,
//!   `publications.published_by` and `published_at`, `projects.created_by` and
//!   `created_at` are set by triggers to `current_user` and `now()`, whatever the client
//!   wrote; an update never changes who made an edit or created a project.
//! - **Projects.** Only an editor (a role with the publish right) or the project's
//!   creator may rename a project (its `name`, or the name inside its `doc`) or change its
//!   `format_version`; nobody gives ids or claim numbers back (`next_id`, `next_number`
//!   never decrease); `doc` must keep the shape claimdesk writes.
//! - **Published claims.** A claim with a publication may be deleted, or have its text,
//!   number or article changed, only by an editor (an analyst may still change its verdict:
//!   it is then "changed since"). `claimdesk.is_published` is `SECURITY DEFINER`, so the
//!   check holds even for a role that may not read `publications`.
//! - **Consistency.** Every entity's `doc` is a JSON object, and a claim's article and
//!   speaker exist (foreign keys checked at commit, so that one edit may remove an article
//!   and its claims in any order; `NOT VALID`: rows already there are not re-checked).
//!
//! Rows are not filtered per project (no row-level security): claimdesk has no project
//! membership, every analyst of a database works on all its projects.

/// Version 3 (see the module docs). Runs as the schema's owner (triggers and constraints
/// need the tables' owner).
pub(super) const V3: &str = r#"
CREATE FUNCTION claimdesk.may_publish() RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT has_table_privilege('claimdesk.publications', 'INSERT')
       AND has_table_privilege('claimdesk.publications', 'UPDATE')
       AND has_table_privilege('claimdesk.publications', 'DELETE')
$$;

CREATE FUNCTION claimdesk.is_published(p bigint, c bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM claimdesk.publications WHERE project = p AND claim = c)
$$;

-- Who and when, the server's: the columns TG_ARGV[0] and [1] are set to current_user and
-- now() on insert (and on every update with a third argument 'always'), else kept.
CREATE FUNCTION claimdesk.stamp() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    who_when jsonb;
BEGIN
    IF TG_OP = 'INSERT' OR TG_ARGV[2] IS NOT DISTINCT FROM 'always' THEN
        who_when := jsonb_build_object(TG_ARGV[0], current_user, TG_ARGV[1], now());
    ELSE
        who_when := jsonb_build_object(TG_ARGV[0], to_jsonb(OLD) -> TG_ARGV[0],
                                       TG_ARGV[1], to_jsonb(OLD) -> TG_ARGV[1]);
    END IF;
    NEW := jsonb_populate_record(NEW, who_when);
    RETURN NEW;
END
$$;
CREATE TRIGGER edits_stamp BEFORE INSERT OR UPDATE ON claimdesk.edits
    FOR EACH ROW EXECUTE FUNCTION claimdesk.stamp('author', 'at');
CREATE TRIGGER publications_stamp BEFORE INSERT OR UPDATE ON claimdesk.publications
    FOR EACH ROW EXECUTE FUNCTION claimdesk.stamp('published_by', 'published_at', 'always');
CREATE TRIGGER projects_stamp BEFORE INSERT OR UPDATE ON claimdesk.projects
    FOR EACH ROW EXECUTE FUNCTION claimdesk.stamp('created_by', 'created_at');

CREATE FUNCTION claimdesk.projects_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF json_typeof(NEW.doc) IS DISTINCT FROM 'object'
        OR json_typeof(NEW.doc -> 'file') IS DISTINCT FROM 'object'
        OR json_typeof(NEW.doc -> 'project') IS DISTINCT FROM 'object'
        OR json_typeof(NEW.doc -> 'project' -> 'name') IS DISTINCT FROM 'string' THEN
        RAISE EXCEPTION 'project "%": not a claimdesk project row (doc must be {"file": {...}, "project": {"name": ...}})',
            NEW.name USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'INSERT' THEN
        RETURN NEW;
    END IF;
    IF NEW.next_id < OLD.next_id OR NEW.next_number < OLD.next_number THEN
        RAISE EXCEPTION 'project "%": ids and claim numbers are never given back', OLD.name
            USING ERRCODE = 'check_violation';
    END IF;
    IF (NEW.name IS DISTINCT FROM OLD.name
            OR NEW.format_version IS DISTINCT FROM OLD.format_version
            OR (NEW.doc -> 'project' ->> 'name') IS DISTINCT FROM (OLD.doc -> 'project' ->> 'name'))
        AND NOT (claimdesk.may_publish() OR OLD.created_by = current_user) THEN
        RAISE EXCEPTION 'project "%": only an editor or its creator may rename it or change its format', OLD.name
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER projects_guard BEFORE INSERT OR UPDATE ON claimdesk.projects
    FOR EACH ROW EXECUTE FUNCTION claimdesk.projects_guard();

CREATE FUNCTION claimdesk.claims_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    shown text := CASE WHEN OLD.number <> 0 THEN '#' || OLD.number ELSE 'id ' || OLD.id END;
BEGIN
    IF NOT claimdesk.is_published(OLD.project, OLD.id) OR claimdesk.may_publish() THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'claim % is published: only an editor may delete it', shown
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (NEW.project, NEW.id, NEW.number, NEW.article)
            IS DISTINCT FROM (OLD.project, OLD.id, OLD.number, OLD.article)
        OR (NEW.doc ->> 'content') IS DISTINCT FROM (OLD.doc ->> 'content')
        OR (NEW.doc ->> 'number') IS DISTINCT FROM (OLD.doc ->> 'number')
        OR (NEW.doc ->> 'article') IS DISTINCT FROM (OLD.doc ->> 'article') THEN
        RAISE EXCEPTION 'claim % is published: only an editor may change its text, number or article',
            shown USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER claims_guard BEFORE UPDATE OR DELETE ON claimdesk.claims
    FOR EACH ROW EXECUTE FUNCTION claimdesk.claims_guard();

ALTER TABLE claimdesk.articles
    ADD CONSTRAINT articles_doc_object CHECK (json_typeof(doc) = 'object') NOT VALID;
ALTER TABLE claimdesk.speakers
    ADD CONSTRAINT speakers_doc_object CHECK (json_typeof(doc) = 'object') NOT VALID;
ALTER TABLE claimdesk.claims
    ADD CONSTRAINT claims_doc_object CHECK (json_typeof(doc) = 'object') NOT VALID,
    ADD CONSTRAINT claims_article_exists FOREIGN KEY (project, article)
        REFERENCES claimdesk.articles (project, id) DEFERRABLE INITIALLY DEFERRED NOT VALID,
    ADD CONSTRAINT claims_speaker_exists FOREIGN KEY (project, speaker)
        REFERENCES claimdesk.speakers (project, id) DEFERRABLE INITIALLY DEFERRED NOT VALID;
"#;
