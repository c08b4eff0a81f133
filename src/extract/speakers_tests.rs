use super::*;

#[test]
fn titles_surnames_descriptions_pronouns() {
    let mut r = Registry::default();
    let kirby = r
        .resolve("National Security Council Spokesperson John Kirby")
        .unwrap();
    assert_eq!(r.speakers[kirby].name, "John Kirby");
    assert_eq!(
        r.speakers[kirby].role.as_deref(),
        Some("National Security Council Spokesperson")
    );
    assert_eq!(r.resolve("Kirby"), Some(kirby));
    assert_eq!(r.resolve("the spokesperson"), Some(kirby));
    let body = r.resolve("The White House").unwrap();
    assert_eq!(r.speakers[body].name, "White House");
    assert_eq!(r.resolve("he"), Some(kirby));
    let minister = r.resolve("Defence Minister Jane Roe").unwrap();
    assert_eq!(r.resolve("the minister"), Some(minister));
    assert!(
        r.speakers
            .iter()
            .all(|s| s.aliases.iter().all(|a| a != "he")),
        "a pronoun is never an alias"
    );
}

#[test]
fn known_speakers_resolve_by_surname_then_by_description() {
    let known = [FoundSpeaker {
        name: "Ana Ruiz".into(),
        role: Some("Mayor".into()),
        aliases: vec!["Ruiz".into(), "the mayor".into(), "she".into()],
        is_body: false,
        unresolved: false,
    }];
    let mut r = Registry::with_known(&known);
    assert_eq!(r.resolve("she"), None, "not mentioned in this text yet");
    assert_eq!(r.resolve("Ruiz"), Some(0));
    assert_eq!(r.resolve("the mayor"), Some(0));
    assert_eq!(r.resolve("she"), Some(0));
}

#[test]
fn surname_first_then_full_name() {
    let mut r = Registry::default();
    let a = r.resolve("Moreau").unwrap();
    let b = r.resolve("Interior Minister Claire Moreau").unwrap();
    assert_eq!(a, b);
    assert_eq!(r.speakers[a].name, "Claire Moreau");
    assert!(r.speakers[a].aliases.contains(&"Moreau".to_string()));
}

#[test]
fn people_merge_only_on_identity() {
    let mut r = Registry::default();
    let don = r.resolve("Donald Roe").unwrap();
    let ivy = r.resolve("Ivy Roe").unwrap();
    assert_ne!(don, ivy, "a different given name is another person");
    assert_eq!(r.resolve("Mr. Roe"), Some(don));
    // Ivy's sex is unknown from her given name: "Mrs. Roe" is not Donald.
    assert_ne!(r.resolve("Mrs. Roe"), Some(don));
    let body = r.resolve("Roe Institute").unwrap();
    assert!(r.speakers[body].is_body);
    assert_ne!(body, don);
}

#[test]
fn pronouns_follow_subjects_and_agreement() {
    let mut r = Registry::default();
    r.observe("Jane Smith said the plan would fail.", 0, false);
    let jane = r.resolve("Jane Smith").unwrap();
    r.observe(
        "Robert Brown has criticised the plan for months.",
        40,
        false,
    );
    let he = r.resolve_at("he", Some((100, 102))).unwrap();
    assert_eq!(
        r.speakers[he].name, "Robert Brown",
        "the subject just named"
    );
    let link = r.link.clone().unwrap();
    assert_eq!(link.words, "Robert Brown");
    assert_eq!(link.sentences_before, 0);
    assert_eq!(r.resolve("she"), Some(jane), "agreement skips the man");
}

#[test]
fn descriptions_resolve_or_stay_descriptions() {
    let mut r = Registry::default();
    let times = r.resolve("The New York Times").unwrap();
    assert_eq!(r.resolve("the newspaper"), Some(times));
    assert_eq!(
        r.resolve("CNN's Jane Roe")
            .map(|i| r.speakers[i].name.clone())
            .as_deref(),
        Some("Jane Roe")
    );
    let official = r.resolve("a senior official").unwrap();
    assert!(r.speakers[official].unresolved);
    assert_eq!(r.resolve("official"), None, "a bare role noun names no one");
    assert_eq!(r.resolve("the spokeswoman"), None);
    assert_eq!(r.resolve("Washington (AFP)"), None);
    assert_eq!(r.resolve("\u{2014}"), None);
}

#[test]
fn acronyms_name_the_body_spelt_out() {
    let mut r = Registry::default();
    let cns = r.resolve("Christian News Service").unwrap();
    assert_eq!(r.resolve("CNS"), Some(cns));
}

#[test]
fn titles_and_leads_name_their_person_later() {
    let text = "Judge says parking plan oversteps city powers\n\n\
        A district judge has rejected the city's parking plan, saying the council had no \
        power to raise the fees.\n\n\
        District Court Justice Maria Okafor issued the ruling on Monday.\n\n\
        \"The council acted beyond its charter,\" Okafor wrote.\n\n\
        The judge said the plan could return next year.\n";
    let ex = crate::extract::extract(text);
    let said: Vec<(&str, &str)> = ex
        .claims
        .iter()
        .filter_map(|c| Some((c.mention.as_deref()?, ex.speaker_of(c)?.name.as_str())))
        .collect();
    for mention in ["Judge", "A district judge", "Okafor", "The judge"] {
        assert!(
            said.contains(&(mention, "Maria Okafor")),
            "{mention} is the justice named later: {said:?}"
        );
    }
    assert!(
        said.iter().all(|(_, name)| *name == "Maria Okafor"),
        "{said:?}"
    );
    assert!(
        ex.speakers.iter().all(|s| !s.unresolved),
        "the description left behind is dropped: {:?}",
        ex.speakers
    );
}

#[test]
fn a_title_pronoun_is_the_person_named_next() {
    let mut r = Registry::default();
    r.observe(
        "Voter Presses Governor On His Refusal To Raise Taxes",
        0,
        true,
    );
    assert_eq!(
        r.resolve_at("His", Some((30, 33))),
        None,
        "nobody named yet"
    );
    r.observe("Governor Paul Lindqvist answered on Tuesday.", 60, false);
    let claim = crate::extract::FoundClaim {
        content: "Refusal To Raise Taxes".into(),
        start: 34,
        end: 55,
        kind: crate::extract::ClaimKind::Headline,
        cue: String::new(),
        mention: Some("His".into()),
        mention_span: Some((30, 33)),
        speaker: None,
        worth: Default::default(),
        claim_type: Default::default(),
        antecedent: None,
    };
    let mut claims = vec![claim];
    let speakers = r.finish(&mut claims, 0);
    let who = claims[0].speaker.map(|i| speakers[i].name.as_str());
    assert_eq!(who, Some("Paul Lindqvist"));
    assert_eq!(
        claims[0].antecedent.as_ref().map(|a| a.words.as_str()),
        Some("Governor Paul Lindqvist")
    );
}
#[test]
fn role_synonyms_and_data_find_their_source() {
    let mut r = Registry::default();
    let roe = r.resolve("Supreme Court Justice Jane Roe").unwrap();
    assert_eq!(r.resolve("the judge"), Some(roe), "judge and justice");
    let kim = r.resolve("campaign spokeswoman Ana Kim").unwrap();
    assert_eq!(r.resolve("the spokesperson"), Some(kim));
    let doe = r.resolve("Acme co-founder John Doe").unwrap();
    assert_eq!(
        r.resolve("the Acme founder"),
        Some(doe),
        "a co-founder is a founder"
    );
    // Named with a title as a sentence's subject, not yet a speaker: "the governor" is
    // she, never the lieutenant governor named before her.
    r.observe("Gov. Mary Major visited the school on Monday.", 100, false);
    r.observe("Lt. Gov. Rita Minor opened the fair.", 150, false);
    let major = r.resolve("The governor").unwrap();
    assert_eq!(r.speakers[major].name, "Mary Major");
    // A no-break space ends a name as a space does: no "Jane Doe is".
    r.observe(
        "If Acme could make money doing it, Ruritanian Sen.\u{a0}Jane Doe\u{a0}is against it.",
        200,
        false,
    );
    let doe = r.resolve("The senator").unwrap();
    assert_eq!(r.speakers[doe].name, "Jane Doe");
    r.observe("The Federal Housing Office said prices rose.", 0, false);
    let office = r.resolve("The Federal Housing Office").unwrap();
    r.observe("According to the data, rents fell.", 50, false);
    assert_eq!(r.resolve("the data"), Some(office));
    let poll = r
        .resolve("The latest Civic Pulse poll released Friday")
        .unwrap();
    assert_eq!(r.speakers[poll].name, "Civic Pulse poll");
    assert!(!r.speakers[poll].unresolved, "its capitals name the poll");
}

#[test]
fn title_case_openers_are_no_part_of_names() {
    assert_eq!(mention::without_opener("Even Ruritania"), Some("Ruritania"));
    assert_eq!(mention::without_opener("But Jane Roe"), Some("Jane Roe"));
    assert_eq!(mention::without_opener("Unlike Roe"), None);
    assert_eq!(mention::without_opener("Everything Roe"), None);
    for name in ["Robert Brown", "West Virginia", "Tom Varga", "Mr. Roe"] {
        assert_eq!(mention::without_opener(name), Some(name));
    }
    let mut r = Registry::default();
    let group = r.resolve("Mr. Roe and Mr. Doe").unwrap();
    assert!(r.speakers[group].is_body, "two people are a group");
    assert_eq!(
        r.resolve("a chorus of local officials")
            .map(|i| r.speakers[i].name.clone())
            .as_deref(),
        Some("local officials")
    );
    assert_eq!(r.resolve("the wake of the vote"), None);
    assert_eq!(
        r.resolve("SPRINGFIELD FALLS"),
        None,
        "a dateline in capitals"
    );
    assert_eq!(
        r.resolve("Video"),
        None,
        "a common word capitalised by its place"
    );
    assert_eq!(r.resolve("Democratic"), None);
    assert!(r.resolve("The Times").is_some() && r.resolve("Gallant").is_some());
    let kerr = r.resolve("Secretary of State John Kerr").unwrap();
    assert_eq!(r.speakers[kerr].name, "John Kerr");
    assert_eq!(r.speakers[kerr].role.as_deref(), Some("Secretary of State"));
    for (mention, name, role) in [
        (
            "party frontrunner Jane Roe",
            "Jane Roe",
            "party frontrunner",
        ),
        ("party boss Jo Doe", "Jo Doe", "party boss"),
    ] {
        let id = r.resolve(mention).unwrap();
        assert_eq!(r.speakers[id].name, name);
        assert_eq!(r.speakers[id].role.as_deref(), Some(role));
    }
    let king = r.resolve("Mr. Major").unwrap();
    assert!(!r.speakers[king].unresolved, "a surname, not the role");
}

#[test]
fn a_shared_surname_goes_to_the_person_the_article_names() {
    let known = |name: &str| FoundSpeaker {
        name: name.into(),
        aliases: vec![name.rsplit(' ').next().unwrap_or(name).into()],
        ..Default::default()
    };
    let known = [known("Stephen Roe"), known("Loretta Roe")];
    // The article names Loretta (not as a subject): her surname is hers.
    let mut r = Registry::with_known(&known);
    let text = "The hearing, led by Attorney General Loretta Roe, ran late.";
    r.tie_surname(text, "Roe");
    assert_eq!(r.resolve("Roe"), Some(1));
    // The text names one more often: a subject "Roe" is that one, before any claim.
    let mut r = Registry::with_known(&known);
    let text = "Stephen Roe met Loretta Roe. Stephen Roe left. Roe, who chairs it, spoke.";
    r.tie_surname(text, "Roe, who chairs it");
    assert_eq!(r.resolve("Roe"), Some(0));
    // Neither named: "Roe" is nobody's short form, a speaker of its own, even when a
    // sentence opened with it first.
    let mut r = Registry::with_known(&known);
    r.observe("Roe spoke first.", 0, false);
    r.tie_surname("Roe spoke first.", "Roe");
    let roe = r.resolve("Roe").unwrap();
    assert!(roe >= 2, "a new speaker, not one of the two known Roes");
    // One Roe known, but the article names another: "Mr. Roe" is not the known one.
    let mut r = Registry::with_known(&known[..1]);
    let text = "Host Paul Roe asked. Mr. Roe said it was late.";
    r.tie_surname(text, "Mr. Roe");
    assert_ne!(r.resolve("Mr. Roe"), Some(0));
    let mut r = Registry::with_known(&known[..1]);
    r.tie_surname("Mr. Roe said it was late.", "Mr. Roe");
    assert_eq!(
        r.resolve("Mr. Roe"),
        Some(0),
        "no one else named: the known one"
    );
    // A name that only looks like a person's is found by no surname.
    let mut r = Registry::default();
    r.resolve("Bloomberg interview Roe");
    assert_eq!(r.by_surname.get("roe"), None);
}

#[test]
fn a_name_with_the_is_never_a_persons_surname() {
    // "The Bridge" is an outlet, not the person "Harbour Bridge" called by surname.
    let mut r = Registry::default();
    let person = r.resolve("Harbour Bridge").unwrap();
    let outlet = r.resolve("The Bridge").unwrap();
    assert_ne!(person, outlet);
    assert!(r.speakers[outlet].is_body);
    assert!(r.speakers[person].aliases.iter().all(|a| a != "The Bridge"));
    // A body whose name holds a role word keeps its whole name.
    let state = r.resolve("the State Department").unwrap();
    let justice = r.resolve("the Justice Department").unwrap();
    assert_ne!(state, justice);
    assert_eq!(r.speakers[justice].name, "Justice Department");
}

#[test]
fn a_speaker_mention_is_the_subject_not_a_prepositional_object() {
    let text = "Budget talks stall\n\n\
        Lawmakers on the budget panel said the bill was dead.\n\n\
        The plan will calm nervous officials in Ruritania, who have argued that it helps.\n\n\
        Two judges hearing cases about his record as treasurer of the county have cited \
        the election as a reason to hurry.\n\n\
        The mayor left early, just as prosecutors said the case was open.\n";
    let ex = crate::extract::extract(text);
    let said: Vec<(&str, &str)> = ex
        .claims
        .iter()
        .filter_map(|c| Some((c.content.as_str(), c.mention.as_deref()?)))
        .collect();
    assert!(
        said.iter()
            .any(|&(c, m)| c.starts_with("the bill") && m == "Lawmakers on the budget panel"),
        "a place after people is theirs: {said:?}"
    );
    assert!(
        said.iter().any(
            |&(c, m)| c.starts_with("that it helps") && m.starts_with("officials in Ruritania")
        ),
        "and so is the place of a relative clause's antecedent: {said:?}"
    );
    assert!(
        said.iter().all(|&(_, m)| !m.contains("treasurer")),
        "the object of 'as' is nobody's subject: {said:?}"
    );
    assert!(
        said.iter()
            .any(|&(c, m)| c.starts_with("the case") && m == "prosecutors"),
        "'as' opening a clause keeps its subject: {said:?}"
    );
}

#[test]
fn a_common_word_before_a_name_is_a_role() {
    let mut r = Registry::default();
    let jane = r.resolve("Rival Jane Okafor").unwrap();
    assert_eq!(r.speakers[jane].name, "Jane Okafor");
    assert_eq!(r.speakers[jane].role.as_deref(), Some("Rival"));
    assert_eq!(r.resolve("Democrat Jane Okafor"), Some(jane));
    let cornell = r.resolve("Cornell William Brooks").unwrap();
    assert_eq!(r.speakers[cornell].name, "Cornell William Brooks");
}

#[test]
fn a_bare_share_is_the_share_of_the_people_before_it() {
    let text = "Ferry poll\n\n\
        Only 41 percent of island residents agreed that the fares were fair, while 55 \
        percent said the timetable was worse. However, 60 percent said the new boats were safer.\n\n\
        A harbour survey released Monday found that the port was losing trade. Another 12 \
        percent said they would not travel at all.\n";
    let ex = crate::extract::extract(text);
    let said = |start: &str| {
        let c = ex.claims.iter().find(|c| c.content.starts_with(start))?;
        Some((
            ex.speakers[c.speaker?].name.as_str(),
            c.antecedent.clone()?.words,
        ))
    };
    let (who, from) = said("the timetable").unwrap();
    assert_eq!(who, "55 percent of island residents");
    assert_eq!(from, "Only 41 percent of island residents");
    assert_eq!(
        said("the new boats").unwrap().0,
        "60 percent of island residents"
    );
    assert_eq!(
        said("they would not").unwrap().0,
        "Another 12 percent of those polled"
    );
    let ex = crate::extract::extract(
        "Roads\n\nThe mayor left. Twelve percent said the roads were too busy.\n",
    );
    let roads = ex
        .claims
        .iter()
        .find(|c| c.content.starts_with("the roads"));
    assert!(
        roads.is_none_or(|c| c.speaker.is_none() && c.mention.is_none()),
        "a share of no one named is no one's: {roads:?}"
    );
    assert!(ex.speakers.iter().all(|s| s.name != "Twelve percent"));
}

#[test]
fn a_run_in_heading_is_no_subject() {
    let text = "Harbour report\n\n\
        Jane Okafor runs the port.\n\n\
        The Gap Remains: It was under her watch that the board grew. She said the port would grow.\n\n\
        John Abbot left the board.\n\n\
        THE LOANS Back then he said debt was a last resort.\n";
    let ex = crate::extract::extract(text);
    let who = |start: &str| {
        let c = ex.claims.iter().find(|c| c.content.starts_with(start))?;
        Some(ex.speakers[c.speaker?].name.as_str())
    };
    assert_eq!(who("the port would"), Some("Jane Okafor"));
    assert_eq!(who("debt was"), Some("John Abbot"));
    assert!(
        ex.speakers
            .iter()
            .all(|s| !s.name.contains("Gap") && !s.name.contains("LOANS")),
        "{:?}",
        ex.speakers
    );
}

#[test]
fn a_name_glued_after_an_adjunct_or_a_time_is_the_subject() {
    let text = "Port talks\n\n\
        In a radio interview Okafor said the port would close.\n\n\
        Friday was the third time Acme said it would leave the port.\n\n\
        Retired pilot Jane Roe said the harbour was too shallow.\n";
    let ex = crate::extract::extract(text);
    let mention = |start: &str| {
        let c = ex.claims.iter().find(|c| c.content.starts_with(start))?;
        c.mention.as_deref()
    };
    assert_eq!(mention("the port would"), Some("Okafor"));
    assert_eq!(mention("it would leave"), Some("Acme"));
    assert_eq!(mention("the harbour"), Some("Retired pilot Jane Roe"));
}

#[test]
fn a_titles_name_ends_before_what_it_says_of_them() {
    let mut r = Registry::default();
    r.observe(
        "Jane Okafor Slams Harbour Board Chief: 'Resign Now.'",
        0,
        true,
    );
    let jane = r.resolve("Jane Okafor Slams Harbour Board Chief").unwrap();
    assert_eq!(r.speakers[jane].name, "Jane Okafor");
    r.observe("John F. Abbot Jr. Speaks", 60, true);
    let john = r.resolve("John F. Abbot Jr.").unwrap();
    assert_eq!(r.speakers[john].name, "John F. Abbot Jr.");
}

#[test]
fn a_name_before_the_head_keeps_bodies_apart_and_a_time_is_cut() {
    let mut r = Registry::default();
    let okafor = r.resolve("The Okafor campaign").unwrap();
    assert_eq!(r.resolve("the campaign"), Some(okafor));
    let roe = r.resolve("The Roe campaign").unwrap();
    assert_ne!(roe, okafor, "another name, another campaign");
    let poll = r.resolve("a new Civic/Pulse national poll").unwrap();
    assert_eq!(r.resolve("the Civic-Pulse poll"), Some(poll));
    let panel = r.resolve("an arbitration panel in 2001").unwrap();
    assert_eq!(r.speakers[panel].name, "arbitration panel");
}

#[test]
fn capitals_before_people_describe_them() {
    let text = "Port talks\n\n\
        Jane Okafor runs the port.\n\n\
        Northern Ruritanian leaders met on Monday. She said the port would close.\n";
    let ex = crate::extract::extract(text);
    let c = ex
        .claims
        .iter()
        .find(|c| c.content.starts_with("the port would"))
        .unwrap();
    assert_eq!(ex.speakers[c.speaker.unwrap()].name, "Jane Okafor");
    let ex = crate::extract::extract(
        "Port talks\n\nThe Democrat is angry. It said the fares would rise.\n",
    );
    assert!(
        ex.speakers.iter().all(|s| s.name != "Democrat"),
        "a party's member is no body: {:?}",
        ex.speakers
    );
}

#[test]
fn they_takes_a_counted_group() {
    let text = "Port rules face a test\n\n        Twelve states led by Northport and shipping groups are challenging the port rules.\n\n        They argue that the board overstepped its authority.\n";
    let ex = crate::extract::extract(text);
    let c = ex
        .claims
        .iter()
        .find(|c| c.content.starts_with("that the board overstepped"))
        .unwrap();
    let s = &ex.speakers[c.speaker.unwrap()];
    assert_eq!(s.name, "Twelve states");
    assert!(s.unresolved && s.is_body, "a description of a group: {s:?}");
}

#[test]
fn a_doctor_is_the_physician_named_next() {
    let text = "Okafor Hid Past Health Problems From Public, Former City Hall Doctor Says.\n\n\
        Dr. Jane Roe, who as a Navy captain was the City Hall physician under Mayor Ben \
        Okafor, said that in 1998 he hid a clot.\n";
    let ex = crate::extract::extract(text);
    let c = ex
        .claims
        .iter()
        .find(|c| c.mention.as_deref() == Some("Former City Hall Doctor"))
        .unwrap();
    assert_eq!(ex.speakers[c.speaker.unwrap()].name, "Jane Roe");
}

#[test]
fn a_fronted_description_is_not_the_subject() {
    let mut r = Registry::default();
    r.observe("A Democrat, Mr. Okafor is running for governor.", 0, false);
    let he = r.resolve("he").unwrap();
    assert_eq!(r.speakers[he].name, "Mr. Okafor");
}

#[test]
fn a_statement_is_its_owners() {
    let mut r = Registry::default();
    r.observe("Jane Roe sued the port in May.", 0, false);
    let brief = r.resolve("Jane Roe's brief").unwrap();
    assert_eq!(r.speakers[brief].name, "Jane Roe");
    let letter = r.resolve("Roe\u{2019}s letter to the court").unwrap();
    assert_eq!(letter, brief);
    // Someone who works for Roe is someone else.
    let aide = r.resolve("Roe's spokesman");
    assert_ne!(aide, Some(brief));
    assert_eq!(
        r.resolve("Roe\u{2019} fundraising email to staff"),
        Some(brief)
    );
    assert_eq!(r.resolve("Her submission to the court"), Some(brief));
    // The pronoun opens the statement's owner only ("a clerk who read her remarks" is the
    // clerk).
    let clerk = r.resolve("a clerk who read her remarks");
    assert_ne!(clerk, Some(brief));
}
