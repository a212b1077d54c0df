"""How long a routine takes, estimated from its doses: the one rule the build checks stated durations against.

The rule (also in the README):
- a rep takes SECONDS_PER_REP (about two seconds up, two down); a range such as "8-12" counts its middle, rounded up;
- a hold takes the time written, once per rep when reps are given too; a carry takes SECONDS_PER_METRE a metre;
- a multi-position drill (Y-W-T-L-I, or neck holds in four directions) does its reps or holds in each position;
- per side doubles the work, not the rests (the other side works while the first rests);
- rests are counted between sets as written (none after the last set);
- each ramp-up set takes RAMP_UP_SET_SECONDS (a few light reps and the change of load);
- each item adds TRANSITION_SECONDS for setting up and moving on; a general warm-up adds its minutes.
A stated duration passes when it is within DURATION_TOLERANCE of the estimate.
"""

from __future__ import annotations

import math

from atlas.records.model import Dose, Routine, RoutineItem
from atlas.records.values import Reps

SECONDS_PER_REP = 4
"""Controlled tempo: about two seconds up and two down."""
SECONDS_PER_METRE = 1
"""A loaded walk at about one metre a second."""
TRANSITION_SECONDS = 30
"""Setting up an exercise and moving on to the next."""
RAMP_UP_SET_SECONDS = 60
"""One lighter set before the work sets, with the change of load."""
DURATION_TOLERANCE = 0.2
"""How far a stated duration may be from the estimate, as a share of the estimate."""


def reps_counted(reps: Reps | None) -> int:
    """Reps a set is counted for: the number, or the middle of a range rounded up."""
    return math.ceil((reps.low + reps.high) / 2) if reps else 0


def dose_seconds(dose: Dose) -> int:
    """The work and the rests of one prescription, without set-up."""
    sets = dose.sets or 1
    if dose.hold:
        work = dose.hold * max(1, reps_counted(dose.reps)) * (dose.positions or 1)
    elif dose.distance:
        work = SECONDS_PER_METRE * dose.distance
    else:
        work = SECONDS_PER_REP * reps_counted(dose.reps) * (dose.positions or 1)
    sides = 2 if dose.per_side else 1
    return sets * work * sides + (sets - 1) * (dose.rest or 0)


def item_seconds(item: RoutineItem) -> int:
    """One routine item: its dose, its ramp-up sets and the set-up."""
    return TRANSITION_SECONDS + (item.ramp_up or 0) * RAMP_UP_SET_SECONDS + dose_seconds(item.dose)


def routine_seconds(routine: Routine) -> int:
    """The whole routine: the general warm-up and every item."""
    warm_up = routine.warm_up.minutes * 60 if routine.warm_up else 0
    return warm_up + sum(item_seconds(item) for block in routine.blocks for item in block.items)


def duration_range(seconds: int) -> tuple[int, int]:
    """The stated minutes that pass for an estimate: within the tolerance, rounded outwards."""
    low = math.floor(seconds * (1 - DURATION_TOLERANCE) / 60)
    high = math.ceil(seconds * (1 + DURATION_TOLERANCE) / 60)
    return max(1, low), max(1, high)


def stated_minutes(seconds: int) -> int:
    """The duration to state for an estimate: to the nearest 5 minutes, or the nearest minute under 10."""
    minutes = max(1, round(seconds / 60))
    return minutes if minutes < 10 else 5 * round(seconds / 300)
