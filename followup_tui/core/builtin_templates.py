"""The wording of our own templates, as data: (key, variant, phone, subject, body) rows.

Written for this project: short, warm and specific, never grovelling, never pushing for an
answer. Placeholders are listed in :data:`followup_tui.core.templates.PLACEHOLDERS`; every
row must pass the tone checks once filled (a test renders each one).
"""

from __future__ import annotations

ROWS: tuple[tuple[str, str, bool, str, str], ...] = (
    # thank-you: one per interviewer, naming something from that person's topic
    (
        "thank_you",
        "warm",
        False,
        "Thank you, {first_name}",
        """Hi {first_name},

{sorry_late}Thank you for making time for the {meeting} {met_on}. I really enjoyed our \
conversation about {discussed}, and it left me even keener on the {role} role at {company}.

{help_line}

Best,
{signature}
""",
    ),
    (
        "thank_you",
        "formal",
        False,
        "Thank you for the {meeting}",
        """Dear {first_name},

{sorry_late}Thank you for meeting with me {met_on} about the {role} position. Our \
discussion of {discussed} gave me a much clearer picture of what joining {company} would \
mean, and I would welcome the chance to contribute.

I appreciate the time you gave me.

Kind regards,
{signature}
""",
    ),
    (
        "thank_you",
        "short",
        False,
        "Thanks for the {meeting}",
        """Hi {first_name},

{sorry_late}Thanks for your time at the {meeting} {met_on}. I liked hearing about \
{discussed}, and I'm very interested in the {role} role. Happy to send anything else \
you need.

Best,
{signature}
""",
    ),
    (
        "thank_you",
        "call",
        True,
        "Call {interviewer}: thanks for the {meeting}",
        """Hi {first_name}, it's {my_name}. We {met} {met_on} about the {role} role.
{sorry_late}I'm calling to say thank you for your time. I enjoyed talking about {discussed}.
I'm very interested, and glad to send anything that would help. Thanks again.
(Voicemail: the same in two sentences, then your name and number, slowly.)
""",
    ),
    # first check-in on the date they agreed to
    (
        "check_in.agreed",
        "warm",
        False,
        "Checking in as agreed: {role}",
        """Hi {first_name},

When we spoke {met_on}, you kindly said I could check in {check_in_around}, and I'm \
writing {as_agreed}. I'm still very interested in the {role} role, and I'd be glad to hear \
where things stand whenever you have news.

If anything would help from my side, I'm happy to send it.

Best,
{signature}
""",
    ),
    (
        "check_in.agreed",
        "formal",
        False,
        "{role} position: checking in as agreed",
        """Dear {first_name},

Thank you again for the {meeting} {met_on}. I am getting in touch about the {role} \
position, {as_agreed}. I remain very interested in joining {company}, and would \
appreciate any news on the next steps when you have it.

Kind regards,
{signature}
""",
    ),
    (
        "check_in.agreed",
        "short",
        False,
        "Checking in: {role}",
        """Hi {first_name},

Checking in, {as_agreed}. I'm still keen on the {role} role at {company}. Is there \
anything more you need from me?

Thanks,
{signature}
""",
    ),
    (
        "check_in.agreed",
        "call",
        True,
        "Call {interviewer}: the agreed check-in",
        """Hi {first_name}, it's {my_name}. We {met} {met_on} about the {role} role, and I'm \
calling {as_agreed}.
I'm still very interested, and I wondered where things stand.
Is there anything else you need from me?
(Voicemail: your name and number, that you're still interested, and that you'll also email.)
""",
    ),
    # first check-in after the decision date they gave
    (
        "check_in.decision_date",
        "warm",
        False,
        "Checking in: {role} at {company}",
        """Hi {first_name},

I hope the past few days have gone well. You mentioned the team hoped to decide \
{decision_by}, and I know these things often take longer than planned, so I \
thought I'd check in. I'm still very interested in the {role} role, and happy to provide \
anything that would help.

Best,
{signature}
""",
    ),
    (
        "check_in.decision_date",
        "formal",
        False,
        "{role} position: checking in",
        """Dear {first_name},

Thank you again for the {meeting} {met_on}. I understand the team hoped to reach a \
decision {decision_by}, and I wanted to let you know that my interest in the {role} \
position is as strong as ever. Please let me know if I can provide anything further.

Kind regards,
{signature}
""",
    ),
    (
        "check_in.decision_date",
        "short",
        False,
        "Checking in: {role}",
        """Hi {first_name},

I know timelines can shift, so just a short note to say I'm still very interested in \
the {role} role, and glad to help with anything you need.

Best,
{signature}
""",
    ),
    (
        "check_in.decision_date",
        "call",
        True,
        "Call {interviewer}: checking in on the {role} role",
        """Hi {first_name}, it's {my_name}. We {met} {met_on} about the {role} role.
I remember the team hoped to decide {decision_by}, so I thought I'd check in.
I'm still very interested. Is there anything you need from me?
(Voicemail: your name and number, that you're still interested, and that you'll also email.)
""",
    ),
    # first check-in when no timeline was given: interest, one line of value, an offer
    (
        "check_in.no_timeline",
        "warm",
        False,
        "{role} at {company}: still very interested",
        """Hi {first_name},

I hope your week is going well. Since our {meeting} {met_on}, I've kept thinking about \
{discussed}, and I'm as interested in the {role} role as ever. {reminder}

Is there anything else you need from me? I'm happy to help.

Best,
{signature}
""",
    ),
    (
        "check_in.no_timeline",
        "formal",
        False,
        "Following up: {role} position",
        """Dear {first_name},

I am writing to follow up on our {meeting} {met_on} about the {role} position. I remain \
very interested in the role, and our conversation about {discussed} has stayed with me. \
{reminder}

If any further information would be useful, I would be glad to provide it.

Kind regards,
{signature}
""",
    ),
    (
        "check_in.no_timeline",
        "short",
        False,
        "Checking in: {role}",
        """Hi {first_name},

A quick note to say I'm still very interested in the {role} role. {reminder} Is \
there anything else you need from me?

Best,
{signature}
""",
    ),
    (
        "check_in.no_timeline",
        "call",
        True,
        "Call {interviewer}: first check-in",
        """Hi {first_name}, it's {my_name}. We {met} {met_on} about the {role} role.
I'm calling to say I'm still very interested. {reminder}
Is there anything else you need from me, and is there a good time to check in again?
(Voicemail: your name and number, that you're still interested, and that you'll also email.)
""",
    ),
    # second check-in
    (
        "check_in.second",
        "warm",
        False,
        "{role}: a quick check-in",
        """Hi {first_name},

I know hiring takes time, so I'll keep this short: I'm still very interested in the \
{role} role at {company}, and I'd be grateful for any update you can share, whenever \
it suits you.

Best,
{signature}
""",
    ),
    (
        "check_in.second",
        "formal",
        False,
        "{role} position: following up",
        """Dear {first_name},

I am following up on my earlier note about the {role} position. My interest in {company} \
has not changed, and I would welcome any news on the timing of a decision. Thank you for \
your time.

Kind regards,
{signature}
""",
    ),
    (
        "check_in.second",
        "short",
        False,
        "Checking in: {role}",
        """Hi {first_name},

One more brief check-in on the {role} role: I'm still interested, and glad to help with \
anything you need.

Thanks,
{signature}
""",
    ),
    (
        "check_in.second",
        "call",
        True,
        "Call {interviewer}: second check-in",
        """Hi {first_name}, it's {my_name}, about the {role} role. I got in touch a little \
while ago and wanted to try by phone.
I'm still very interested. Is there any news you can share, or anything you need from me?
(Voicemail: keep it to your name, number and continued interest; no need to email as well.)
""",
    ),
    # closing note: a thank-you that keeps the door open (written, never a call)
    (
        "closing_note",
        "warm",
        False,
        "Thank you, {first_name}",
        """Hi {first_name},

I wanted to thank you again for your time, and for all I learned about {discussed}. \
There's no need to reply to this; I simply wanted to say it.

I'd still be glad to work with {company}, on the {role} role or another one, whenever \
the timing is right. All the best to you and the team.

Warm regards,
{signature}
""",
    ),
    (
        "closing_note",
        "formal",
        False,
        "{role} position: thank you",
        """Dear {first_name},

Thank you again for considering me for the {role} position, and for the time \
{you_all} gave me. I have enjoyed learning about {company}, and I would welcome \
the chance to work with you, should this or another role be a fit in the future.

With best wishes,
{signature}
""",
    ),
    (
        "closing_note",
        "short",
        False,
        "Thank you, {first_name}",
        """Hi {first_name},

Just a note to thank you again for your time on the {role} role. I'd be very glad to \
stay in touch, and if something comes up at {company} that fits, I'd love to hear \
about it.

Best,
{signature}
""",
    ),
    # thanks after a rejection
    (
        "thanks_after_rejection",
        "warm",
        False,
        "Thank you, {first_name}",
        """Hi {first_name},

Thank you for letting me know, and for the time {you_all} gave me. Of course I'm \
disappointed, but I enjoyed the process, especially our talk about {discussed}. I'd be \
glad to be considered if another role opens up at {company}.

Best wishes,
{signature}
""",
    ),
    (
        "thanks_after_rejection",
        "formal",
        False,
        "Thank you for your consideration",
        """Dear {first_name},

Thank you for letting me know your decision on the {role} position, and for the time you \
invested in my application. I valued learning about {company}, and I would welcome being \
considered for future openings.

Kind regards,
{signature}
""",
    ),
    (
        "thanks_after_rejection",
        "short",
        False,
        "Thanks, {first_name}",
        """Hi {first_name},

Thanks for letting me know, and for your time throughout. If another role comes up at \
{company} where I could help, I'd love to hear about it.

All the best,
{signature}
""",
    ),
    (
        "thanks_after_rejection",
        "call",
        True,
        "Call {interviewer}: thanks for considering me",
        """Hi {first_name}, it's {my_name}. Thank you for letting me know about the {role} role.
I enjoyed our conversation and learning about {company}.
If something else opens up that fits, I'd be glad to hear from you. Thanks again.
""",
    ),
    # keep-warm: who you are, something of value, no ask (written, never a call)
    (
        "keep_warm",
        "article",
        False,
        "Thought of our conversation",
        """Hi {first_name},

We {met} {met_on} about the {role} role, and I came across a piece that made me \
think of our conversation{about_topic}:

{article}

No reply needed; I thought you might enjoy it. I hope all is well at {company}.

Best,
{signature}
""",
    ),
    (
        "keep_warm",
        "news",
        False,
        "A bit of news",
        """Hi {first_name},

A bit of news since we {met} about the {role} role {met_on}: {news}. Given our \
conversation{about_topic}, I thought you might like to hear it.

No need to reply. I hope things are going well at {company}.

Best,
{signature}
""",
    ),
    (
        "keep_warm",
        "short",
        False,
        "Saw this and thought of you",
        """Hi {first_name},

We {met} {met_on} about the {role} role, and this made me think of our \
talk{about_topic}:

{article}

Hope all is well at {company}.

Best,
{signature}
""",
    ),
    # update: something changed (never an ultimatum)
    (
        "update",
        "another offer",
        False,
        "A quick update from {my_name}",
        """Hi {first_name},

A quick update, to be open with you: I've received another offer. {company} is still \
where I'd most like to be, so I wanted you to hear it from me. If it would help to talk \
about the {role} role, I'd be glad to.

Best,
{signature}
""",
    ),
    (
        "update",
        "new work",
        False,
        "Something new worth sharing",
        """Hi {first_name},

A bit of news since we {met}: {news}. Given our conversation{about_topic}, I \
thought it might be relevant to the {role} role, and I'd be happy to walk you through it.

Best,
{signature}
""",
    ),
    (
        "update",
        "formal",
        False,
        "{role} position: an update",
        """Dear {first_name},

I wanted to let you know that I have received an offer from another company. My strong \
preference remains the {role} position at {company}, and I would be happy to answer any \
questions about my situation.

Kind regards,
{signature}
""",
    ),
    (
        "update",
        "call",
        True,
        "Call {interviewer}: an update",
        """Hi {first_name}, it's {my_name}, about the {role} role.
I wanted to give you a quick update: {news}.
I'm still very interested in joining {company}. Is there anything you need from me?
""",
    ),
    # an offer: thanks first, then time, a yes or a no (nothing about other offers)
    (
        "offer_thanks",
        "warm",
        False,
        "Thank you for the offer",
        """Hi {first_name},

Thank you so much for the offer for the {role} role. I'm delighted, and grateful for \
the time you and the team put into getting to know me.

I'll read through the details carefully and come back to you soon. If you need anything \
from me in the meantime, just let me know.

Best,
{signature}
""",
    ),
    (
        "offer_thanks",
        "formal",
        False,
        "{role} offer: thank you",
        """Dear {first_name},

Thank you for offering me the {role} position at {company}. I appreciate the confidence \
you have shown in me, and the care everyone took throughout the interviews.

I am reviewing the details now and will reply to you shortly.

Kind regards,
{signature}
""",
    ),
    (
        "offer_thanks",
        "short",
        False,
        "Thank you, {first_name}",
        """Hi {first_name},

Thank you for the offer, and for such a thoughtful process. I'm reading through the \
details now and will get back to you soon.

Best,
{signature}
""",
    ),
    (
        "offer_thanks",
        "call",
        True,
        "Call {interviewer}: thanks for the offer",
        """Hi {first_name}, it's {my_name}. Thank you so much for the offer for the {role} role.
I'm delighted. I'd like to read the details properly before I give you my answer.
Could you tell me the best way to reach you with any questions?
""",
    ),
    (
        "offer_time",
        "warm",
        False,
        "The {role} offer",
        """Hi {first_name},

Thank you again for the offer. It's an important decision, and I want to give it the \
care it deserves. Would it be all right if I took a few more days before giving you my \
answer?

I appreciate your patience, and I'll be in touch as soon as I've decided.

Best,
{signature}
""",
    ),
    (
        "offer_time",
        "formal",
        False,
        "{role} offer",
        """Dear {first_name},

Thank you again for the offer of the {role} position. I am giving it careful thought, \
and I would be grateful for a little more time before I reply. Would a few more days be \
possible?

Thank you for your understanding.

Kind regards,
{signature}
""",
    ),
    (
        "offer_time",
        "short",
        False,
        "A little more time",
        """Hi {first_name},

I'm still thinking the offer through and want to get it right. Would a few more days \
before I answer be all right with you?

Thanks for understanding,
{signature}
""",
    ),
    (
        "offer_time",
        "call",
        True,
        "Call {interviewer}: a little more time",
        """Hi {first_name}, it's {my_name}, about the {role} offer. Thank you again for it.
I'm giving it careful thought and would like a few more days before I answer.
Would that be all right with you?
""",
    ),
    (
        "offer_accept",
        "warm",
        False,
        "Accepting the {role} offer",
        """Hi {first_name},

I'm very happy to accept the offer for the {role} role at {company}. Thank you for \
your confidence in me; I'm looking forward to joining the team.

Please let me know what you need from me next, and how you'd like me to confirm the \
details in writing.

Best,
{signature}
""",
    ),
    (
        "offer_accept",
        "formal",
        False,
        "Acceptance of the {role} offer",
        """Dear {first_name},

I am pleased to accept your offer of the {role} position at {company}, and I thank you \
for the opportunity. I look forward to working with you and your colleagues.

Please let me know the next steps, and anything you need me to sign or send.

Kind regards,
{signature}
""",
    ),
    (
        "offer_accept",
        "short",
        False,
        "Yes to the {role} offer",
        """Hi {first_name},

I'd be delighted to accept the offer. Thank you! Let me know what you need from me \
next; I'm looking forward to getting started.

Best,
{signature}
""",
    ),
    (
        "offer_accept",
        "call",
        True,
        "Call {interviewer}: accepting the offer",
        """Hi {first_name}, it's {my_name}. I'm calling with good news: I'd like to accept the \
offer for the {role} role.
Thank you for your confidence in me. What do you need from me next?
""",
    ),
    (
        "offer_decline",
        "warm",
        False,
        "The {role} offer",
        """Hi {first_name},

Thank you for the offer for the {role} role, and for the time you and the team gave me. \
After a lot of thought, I've decided to decline it. It wasn't an easy choice; I enjoyed \
getting to know {company}.

I hope our paths cross again, and I wish you and the team every success.

Best,
{signature}
""",
    ),
    (
        "offer_decline",
        "formal",
        False,
        "{role} offer",
        """Dear {first_name},

Thank you for offering me the {role} position. After careful consideration, I have \
decided not to accept it. It was a difficult decision: I am grateful for the time and \
courtesy everyone at {company} showed me.

I hope we will have the chance to work together in the future.

Kind regards,
{signature}
""",
    ),
    (
        "offer_decline",
        "short",
        False,
        "Thank you, {first_name}",
        """Hi {first_name},

Thank you for the offer, and for such a warm welcome throughout. After careful thought \
I've decided to decline, but I'm grateful for the chance and hope we stay in touch.

All the best,
{signature}
""",
    ),
    (
        "offer_decline",
        "call",
        True,
        "Call {interviewer}: declining the offer",
        """Hi {first_name}, it's {my_name}, about the {role} offer.
Thank you for it, and for your time. After a lot of thought, I've decided to decline.
It wasn't an easy choice, and I hope we stay in touch.
""",
    ),
    # withdrawing: another offer was accepted (written, never a call)
    (
        "withdraw",
        "warm",
        False,
        "My application for the {role} role",
        """Hi {first_name},

I wanted to let you know that I've accepted another offer, so I'm withdrawing from the \
{role} process. Thank you for your time and for our conversations; I enjoyed learning \
about {company}.

I hope we'll cross paths again.

Best,
{signature}
""",
    ),
    (
        "withdraw",
        "formal",
        False,
        "Withdrawing my application: {role}",
        """Dear {first_name},

I am writing to withdraw my application for the {role} position, as I have accepted \
another offer. Thank you for the time and consideration you have given me. I think \
highly of {company}, and I hope our paths cross in the future.

Kind regards,
{signature}
""",
    ),
    (
        "withdraw",
        "short",
        False,
        "Withdrawing from the {role} process",
        """Hi {first_name},

A quick note to say I've accepted another role, so I'm withdrawing from the {role} \
process. Thank you for your time, and all the best to you and the team.

Best,
{signature}
""",
    ),
)
"""Every built-in template. Keys are :data:`followup_tui.core.templates.STEP_KEYS`."""
