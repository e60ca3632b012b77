"""The day's advice beyond its tasks: short notes, each with its entry (and source) in
docs/guidance.md. ``day.assess_day`` picks the ones that belong to the day."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Note:
    guide: str  # its entry in docs/guidance.md
    text: str


REFUEL_IDEAS = Note(
    "msg.refuel_ideas",
    "Refuel ideas: a banana with peanut butter, yogurt with fruit, a smoothie made with milk "
    "or yogurt.",
)
LOW_APPETITE = Note(
    "msg.low_appetite",
    "Not hungry? Sip a smoothie or milk, or nibble something small every hour or two; have a "
    "proper meal when you can.",
)
DRINK_SALT = Note(
    "msg.drink",
    "After a long race drink to thirst and add something salty (soup, a salted snack, a "
    "sports drink); do not force water.",
)
PAIN_RELIEF = Note(
    "msg.pain_relief",
    "Over-the-counter pain relief only as directed on the pack. Avoid ibuprofen and other "
    "anti-inflammatories in the days around a long race; ask a pharmacist or doctor first "
    "if you have a condition or take other medicines.",
)
TIREDNESS = Note(
    "msg.tiredness",
    "Feeling flat or tired for a few days after a long race is common: sleep, eat well, keep "
    "the days easy.",
)
NORMAL_SORENESS = Note(
    "msg.normal_soreness",
    "Soreness usually peaks 1–3 days after a hard run and fades over about a week. That is normal.",
)
SINGLE_LEG_STAND = Note(
    "msg.single_leg_stand",
    "Single-leg stand: before a mirror, hands on hips, stand 30 s on one leg. If the hip of "
    "the lifted leg drops, the glutes of the leg you stand on are tired. Swap legs.",
)
WARM_UP = Note(
    "msg.warm_up",
    "Before each run warm up for 5 minutes (light jogging or leg swings, lunges, high "
    "knees); cool down after.",
)
REST_DAY = Note("msg.rest_day", "Keep one rest day in each week, with no running.")
RETURN_STOPPED = Note(
    "msg.return_plan.stopped",
    "Your return to running is paused: soreness went up. Back to easy recovery days until it "
    "settles.",
)
LOW_ENERGY = Note(
    "msg.low_energy",
    "Short on sleep or energy today: the plan leans towards rest. Nap if you can.",
)
