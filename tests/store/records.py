"""Articles and events to store, shared by the store tests."""

from marsad.types import ActorRef, Article, DateRef, EventRecord, Evidence, Span

TEXT = "اتصل بوتين بعلييف. وبحث الرئيسان الوضع في الإقليم."


def actor(code: str | None, text: str, start: int) -> ActorRef:
    return ActorRef(code, "GOV", text, Span(start, start + len(text)), 0)


def event(
    story: str, n: int, date: str | None = "2021-05-19", *, kind: str = "CONSULT"
) -> EventRecord:
    return EventRecord(
        id=f"{story}-{n}",
        story_id=story,
        event=kind,
        mode="phone",
        actor=(actor("RUS", "بوتين", 4), actor("RUS", "بوتين", 4), actor(None, "x", 0)),
        recipient=(actor("AZE", "بعلييف", 10),),
        evidence=(Evidence(0, Span(0, 3), Span(0, 17), "اتصل"),),
        date=DateRef(date, "day") if date else None,
        quad_code=1,
        event_scale=1.5,
    )


def article(ident: str = "s1", text: str = TEXT) -> Article:
    return Article(id=ident, text=text, date="2021-05-19", title="t", source="RT")
