"""The words synthetic exercise records are made of: movements, implements, stances, grips and variations.

A record's name is `<stance> <grip> <implement> <movement> <variation>`; each part brings its own
equipment, muscles, steps and coaching text, so the records read like real ones and stay valid.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FREE_WEIGHTS = ("dumbbell", "barbell", "kettlebell", "household")


@dataclass(frozen=True)
class Implement:
    word: str
    """The word in the exercise name ("" when the name needs none)."""
    noun: str
    """What the lifter holds, as the steps call it."""
    equipment: tuple[str, ...]


@dataclass(frozen=True)
class Stance:
    word: str
    setup: str
    equipment: tuple[str, ...] = ()
    level: int = 0
    per_side: bool = False
    secondary: tuple[str, ...] = ()
    loads: tuple[str, ...] = ()
    effect: str = ""


@dataclass(frozen=True)
class Grip:
    word: str
    phrase: str
    level: int = 0
    per_side: bool = False
    loads: tuple[str, ...] = ()


@dataclass(frozen=True)
class Variation:
    words: str
    step: str
    short: str
    level: int = 0
    hold: bool = False
    effect: str = ""


@dataclass(frozen=True)
class Movement:
    noun: str
    category: str
    level: int
    primary: tuple[str, ...]
    secondary: tuple[str, ...]
    implements: tuple[str, ...]
    stances: tuple[str, ...]
    grips: tuple[str, ...]
    action: str
    finish: str
    purpose: str
    cues: tuple[str, ...]
    mistakes: tuple[str, ...]
    easier: tuple[str, ...]
    harder: tuple[str, ...]
    dose: str = "reps"
    """reps, hold or distance."""
    loads: tuple[str, ...] = ()
    safety: tuple[str, ...] = ()
    reps: tuple[str, ...] = ("8-12", "10-12", "12-15")
    variations: tuple[str, ...] = field(default=("", "pause", "slow", "one-and-half", "tempo", "iso"))


IMPLEMENTS = {
    "dumbbell": Implement("dumbbell", "dumbbell", ("dumbbells",)),
    "barbell": Implement("barbell", "barbell", ("barbell",)),
    "kettlebell": Implement("kettlebell", "kettlebell", ("kettlebell",)),
    "household": Implement("backpack", "loaded backpack", ("household-weights",)),
    "cable": Implement("cable", "cable handle", ("cable-machine",)),
    "machine": Implement("machine", "bar of the pulldown machine", ("lat-pulldown-machine",)),
    "band": Implement("band", "band", ("resistance-band",)),
    "bar": Implement("", "pull-up bar", ("pull-up-bar",)),
    "bodyweight": Implement("", "floor", ("none",)),
    "wall": Implement("", "wall", ("wall",)),
}

STANCES = {
    "": Stance("", "Stand tall with your feet hip-width apart and your knees soft."),
    "standing": Stance("standing", "Stand tall with your feet hip-width apart, ribs down and knees soft."),
    "half-kneeling": Stance("half-kneeling", "Kneel on one knee with the other foot flat in front of you, hips square and glutes squeezed.",
                            secondary=("core", "glutes"), effect="Kneeling on one knee takes the legs out and makes leaning back obvious."),
    "tall-kneeling": Stance("tall-kneeling", "Kneel on both knees with your hips stacked over your knees and your trunk upright.",
                            secondary=("core",), effect="Kneeling tall keeps the trunk honest."),
    "seated": Stance("seated", "Sit tall with your feet flat on the floor and your chest proud.",
                     effect="Sitting removes the legs so the upper back does the work."),
    "bent-over": Stance("bent-over", "Hinge forward from the hips with a flat back until your trunk is about 45 degrees from the floor.",
                        secondary=("erector-spinae", "hamstrings"), loads=("spine",),
                        effect="Bending over asks the lower back to hold position."),
    "chest-supported": Stance("chest-supported", "Lie face down on a bench set to a low incline, chest on the pad and feet on the floor.",
                              equipment=("bench",), effect="The bench supports the chest, so the lower back can rest."),
    "split-stance": Stance("split-stance", "Stand with one foot a long step in front of the other, weight mostly on the front foot.",
                           secondary=("core", "glutes"), effect="A split stance gives a stable base without help from a bench."),
    "staggered-stance": Stance("staggered-stance", "Stand with one foot half a step behind the other, heel of the back foot raised.",
                               secondary=("core",)),
    "single-leg": Stance("single-leg", "Stand on one leg with the knee soft and the other foot just off the floor.", level=1, per_side=True,
                         secondary=("glutes", "core"), effect="Standing on one leg adds a balance challenge."),
    "side-lying": Stance("side-lying", "Lie on your side on a mat with a cushion under your head and your knees bent.",
                         equipment=("mat",), per_side=True, effect="Lying on your side isolates one shoulder at a time."),
    "prone": Stance("prone", "Lie face down on a mat with your forehead on a folded towel and your legs long.", equipment=("mat",),
                    effect="Lying face down removes momentum entirely."),
    "supine": Stance("supine", "Lie on your back on a bench with your feet flat on the floor and your lower back gently pressed down.",
                     equipment=("bench",)),
    "incline": Stance("incline", "Set a bench to a low incline and support yourself on it so your trunk is at an angle.",
                      equipment=("bench",), level=-1, effect="The incline makes the position easier to hold."),
    "kneeling": Stance("kneeling", "Start on hands and knees on a mat, hands under shoulders and knees under hips.", equipment=("mat",)),
    "forearm": Stance("forearm", "Rest on your forearms on a mat, elbows under your shoulders.", equipment=("mat",)),
    "side": Stance("side", "Lie on your side on a mat and prop yourself on one forearm, elbow under the shoulder.", equipment=("mat",),
                   level=1, per_side=True, secondary=("glutes",), effect="On one side the obliques work hardest."),
    "wall-supported": Stance("wall-supported", "Stand with your back against a wall, feet a small step away from it.", equipment=("wall",)),
    "chair-supported": Stance("chair-supported",
                              "Sit toward the front of a sturdy chair with your feet flat and your back off the backrest.",
                              equipment=("chair",)),
}

GRIPS = {
    "": Grip("", "Hold it firmly with your wrists straight."),
    "neutral-grip": Grip("neutral-grip", "Hold it with your palms facing each other (a neutral grip), wrists straight."),
    "overhand": Grip("overhand", "Hold it with your palms facing down or back (an overhand grip)."),
    "underhand": Grip("underhand", "Hold it with your palms facing up or forward (an underhand grip)."),
    "wide-grip": Grip("wide-grip", "Hold it with your hands wider than your shoulders."),
    "close-grip": Grip("close-grip", "Hold it with your hands about a fist apart."),
    "mixed-grip": Grip("mixed-grip", "Hold it with one palm facing forward and the other facing back."),
    "thumbs-up": Grip("thumbs-up", "Hold it with your thumbs pointing up toward the ceiling."),
    "rope": Grip("rope", "Hold a rope attachment with your thumbs pointing back toward you."),
    "single-arm": Grip("single-arm", "Hold it in one hand and brace the other hand on your hip or a support.", per_side=True),
    "suitcase": Grip("suitcase", "Hold the weight in one hand at your side like a suitcase.", level=1, per_side=True),
    "front-rack": Grip("front-rack", "Hold the weights at shoulder height with the elbows tucked in front of you.", level=1),
    "overhead": Grip("overhead", "Press the weight overhead and hold it there with a straight arm, biceps by the ear.", level=1,
                     per_side=True, loads=("shoulder-overhead",)),
    "diagonal": Grip("diagonal", "Hold it with one hand high and the other low so the band runs across your body."),
}

VARIATIONS = {
    "": Variation("", "", ""),
    "pause": Variation("with a pause", "Hold the end position for two seconds before you return.", "paused",
                       effect="The pause removes momentum at the hardest point."),
    "slow": Variation("with a slow lowering", "Take three to four seconds to return to the start.", "slow-eccentric",
                      effect="A slow return adds time under tension without adding load."),
    "one-and-half": Variation("with 1.5 reps", "Return halfway, go back to the end position, then return fully: that is one rep.",
                              "1.5-rep", level=1, effect="The extra half rep doubles the work near the finish."),
    "tempo": Variation("with a tempo count", "Move to a steady count: two seconds out, two seconds back, no rest at the ends.", "tempo",
                       effect="A fixed tempo keeps every rep the same."),
    "iso": Variation("with an isometric hold", "Hold the hardest position and breathe steadily for the whole set.", "iso-hold",
                     level=1, hold=True, effect="Holding still trains the muscles to keep the position."),
    "assisted": Variation("with a band assist", "Loop a band over the bar and under one knee or foot so it helps you at the bottom.",
                          "band-assisted", level=-1, effect="The band takes some of your weight."),
    "reach": Variation("with a reach", "At the end position, reach a little further for one breath before you return.", "reaching",
                       effect="The reach adds range at the end."),
}

_ROW_SAFETY = ("Keep a flat back and brace your trunk before each rep.", "Choose a load you can move without jerking or twisting.")
_LIGHT_SAFETY = ("Use a light load and a range that stays pain-free.", "Stop if you feel pinching or pain in the front of the shoulder.")

MOVEMENTS = {
    "row": Movement(
        "row", "strength", 0, ("middle-traps", "rhomboids", "lats"), ("rear-delts", "biceps", "core"),
        ("dumbbell", "barbell", "kettlebell", "cable", "band", "household"),
        ("", "bent-over", "chest-supported", "seated", "split-stance", "half-kneeling", "staggered-stance"),
        ("", "neutral-grip", "overhand", "underhand", "wide-grip", "close-grip", "single-arm"),
        "Pull your elbows back past your ribs and squeeze your shoulder blades together.",
        "Lower slowly until your arms are straight and your shoulder blades spread.",
        "trains the muscles that draw the shoulder blades together, with the lats and biceps helping",
        ("Elbows to back pockets.", "Squeeze a pencil between your shoulder blades.", "Long neck, chin tucked."),
        ("Shrugging the shoulders up. Keep them down and away from your ears.",
         "Yanking the weight with the trunk. Lighten the load until the trunk stays still.",
         "Cutting the return short. Let the arms straighten fully."),
        ("Use a lighter load.", "Support your free hand on a bench."),
        ("Add load in small steps.", "Pause for two seconds with the shoulder blades squeezed."),
        safety=_ROW_SAFETY,
    ),
    "pulldown": Movement(
        "pulldown", "strength", 0, ("lats",), ("middle-traps", "lower-traps", "biceps", "rhomboids"),
        ("cable", "machine", "band"), ("", "seated", "tall-kneeling", "half-kneeling"),
        ("", "wide-grip", "close-grip", "neutral-grip", "underhand", "single-arm"),
        "Pull the handle down to your upper chest, driving your elbows down toward your hips.",
        "Let your arms rise again under control until they are straight overhead.",
        "builds the lats, the broad muscles that pull the arms down, and teaches the shoulder blades to drop",
        ("Chest up to the bar.", "Elbows to your hip pockets.", "Shoulders away from your ears."),
        ("Leaning far back to use body weight. Stay nearly upright.", "Pulling behind the neck. Pull to the front of the chest."),
        ("Use a lighter weight.", "Pull with one arm and support the other."),
        ("Pause with the bar at your chest.", "Take four seconds to let the bar rise."),
        safety=("Set the thigh pad so you stay seated.", "Keep the bar in front of your face, never behind the neck."),
    ),
    "pull-up": Movement(
        "pull-up", "strength", 2, ("lats",), ("middle-traps", "lower-traps", "biceps", "rhomboids", "core"),
        ("bar",), ("",), ("", "wide-grip", "neutral-grip", "close-grip", "mixed-grip", "overhand", "underhand"),
        "Pull your chest toward the bar until your chin clears it, elbows driving down.",
        "Lower yourself until your arms are straight, without dropping.",
        "trains the lats and the muscles between the shoulder blades against your whole body weight",
        ("Drive the elbows down.", "Ribs down, legs still.", "Shoulders down before you pull."),
        ("Kipping or swinging. Keep the legs quiet.", "Half reps. Lower all the way to straight arms."),
        ("Use a band under the feet.", "Do slow lowering reps only."),
        ("Add a weight belt.", "Pause at the top."),
        reps=("3-5", "5-8", "6-8"), variations=("", "pause", "slow", "tempo", "iso", "assisted"),
        safety=("Step down from the bar rather than dropping off it.", "Build up volume over weeks; the elbows need time to adapt."),
    ),
    "face pull": Movement(
        "face pull", "strength", 1, ("rear-delts", "middle-traps", "infraspinatus"), ("lower-traps", "rhomboids", "teres-minor"),
        ("cable", "band"), ("", "standing", "half-kneeling", "tall-kneeling", "seated", "split-stance"),
        ("", "rope", "overhand", "neutral-grip", "single-arm"),
        "Pull toward your face with the elbows high, spreading your hands apart.",
        "Return slowly until the arms are straight.",
        "trains the back of the shoulders and the outward rotators of the cuff in one movement",
        ("Hands finish by your ears.", "Show your knuckles to the wall behind you.", "Stand tall, do not lean back."),
        ("Dropping the elbows so it becomes a row. Keep them level with the shoulders.", "Leaning back. Use a lighter load."),
        ("Lower the anchor to chest height.", "Use a lighter band."),
        ("Pause at the finish.", "Do it half-kneeling."),
        reps=("12-15", "15", "15-20"), safety=_LIGHT_SAFETY,
    ),
    "reverse fly": Movement(
        "reverse fly", "strength", 0, ("rear-delts",), ("middle-traps", "rhomboids", "infraspinatus"),
        ("dumbbell", "cable", "band", "household"), ("", "bent-over", "chest-supported", "seated", "prone", "incline"),
        ("", "neutral-grip", "overhand", "thumbs-up", "single-arm"),
        "With a slight bend in the elbows, open your arms out to the sides until they are level with your body.",
        "Lower them back slowly without letting the weights touch.",
        "isolates the rear delts, the back of the shoulders that balance a lot of pressing",
        ("Lead with the knuckles.", "Arms wide like wings.", "Slow on the way down."),
        ("Using too much weight and swinging. Go light.", "Bending the elbows more as you lift. Keep the angle fixed."),
        ("Use lighter weights.", "Support your chest on a bench."),
        ("Pause with the arms level.", "Use a slower lowering."),
        reps=("12-15", "15"), safety=_LIGHT_SAFETY,
    ),
    "shrug": Movement(
        "shrug", "strength", 0, ("upper-traps",), ("middle-traps", "core"), ("dumbbell", "barbell", "kettlebell", "household"),
        ("", "standing", "seated", "split-stance"), ("", "overhand", "neutral-grip", "mixed-grip", "single-arm"),
        "Lift your shoulders straight up toward your ears as high as they go.",
        "Lower them slowly to the bottom until you feel a stretch.",
        "trains the upper traps, the muscles that lift the shoulder blades",
        ("Straight up, straight down.", "Tall neck.", "Arms are just hooks."),
        ("Rolling the shoulders in circles. Move straight up and down.", "Bending the elbows. Keep the arms long."),
        ("Use lighter weights.",), ("Pause at the top for two seconds.",),
        loads=("spine",), safety=("Lift the weights from the floor with a flat back.", "Keep the neck long; do not jut the chin."),
    ),
    "carry": Movement(
        "carry", "strength", 0, ("upper-traps", "core"), ("middle-traps", "lower-traps", "rhomboids", "erector-spinae", "glutes"),
        ("dumbbell", "kettlebell", "household"), ("",), ("", "suitcase", "front-rack", "overhead"),
        "Walk forward with short, steady steps, looking straight ahead.",
        "Set the weight down with a squat or hinge and a flat back.",
        "trains the upper traps, grip and trunk to hold good posture under load",
        ("Tall spine, proud chest.", "Shoulders level.", "Short, quiet steps."),
        ("Leaning to one side. Use a lighter weight.", "Dropping the weight at the end. Set it down under control."),
        ("Carry a lighter weight.", "Walk a shorter distance."), ("Walk further.", "Walk more slowly."),
        dose="distance", loads=("spine",), variations=("", "pause", "slow", "tempo"),
        safety=("Pick the weight up and put it down with a flat back.", "Clear your path and walk on a non-slip surface."),
    ),
    "external rotation": Movement(
        "external rotation", "activation", 0, ("infraspinatus", "teres-minor"), ("rear-delts", "supraspinatus"),
        ("band", "cable", "dumbbell"), ("", "standing", "side-lying", "half-kneeling", "seated", "tall-kneeling"), ("", "single-arm"),
        "With the elbow tucked to your side, turn the forearm outward as far as is comfortable.",
        "Return slowly to the start.",
        "wakes up the outward rotators of the rotator cuff that keep the shoulder centred",
        ("Elbow glued to your side.", "Rotate, do not swing.", "Small weight, slow reps."),
        ("Letting the elbow drift away from the body. Put a folded towel under it.", "Using a heavy load. Go lighter."),
        ("Use a lighter band.", "Shorten the range."), ("Pause at the end of the turn.",),
        reps=("12-15", "15"), safety=_LIGHT_SAFETY,
    ),
    "internal rotation": Movement(
        "internal rotation", "activation", 0, ("subscapularis",), ("chest", "teres-minor"),
        ("band", "cable"), ("", "standing", "half-kneeling", "tall-kneeling", "split-stance"), ("", "single-arm"),
        "With the elbow tucked to your side, turn the forearm in across your stomach.",
        "Let it return slowly to the start.",
        "trains subscapularis, the rotator cuff muscle at the front of the shoulder",
        ("Elbow by your side.", "Turn like a door on a hinge."),
        ("Twisting the trunk. Keep the chest facing forward.",), ("Use a lighter band.",), ("Pause with the hand at your stomach.",),
        reps=("12-15", "15"),
    ),
    "Y raise": Movement(
        "Y raise", "activation", 0, ("lower-traps",), ("middle-traps", "rear-delts", "rhomboids"),
        ("bodyweight", "dumbbell", "band", "household"), ("", "prone", "incline", "bent-over", "standing"), ("", "thumbs-up"),
        "Raise your arms overhead in a Y shape, thumbs up, drawing the shoulder blades down.",
        "Lower the arms slowly.",
        "teaches the lower traps to pull the shoulder blades down and back",
        ("Thumbs to the ceiling.", "Shoulder blades into your back pockets."),
        ("Shrugging toward the ears. Pull the shoulders down first.", "Arching the lower back. Keep the ribs down."),
        ("Raise the arms only partway.", "Use no weight."), ("Hold a light weight.", "Pause at the top."),
        loads=("shoulder-overhead",), reps=("8-10", "10-12"), safety=_LIGHT_SAFETY,
    ),
    "T raise": Movement(
        "T raise", "activation", 0, ("middle-traps",), ("rhomboids", "rear-delts"),
        ("bodyweight", "dumbbell", "band", "household"), ("", "prone", "incline", "bent-over"), ("", "thumbs-up", "overhand"),
        "Raise your arms straight out to the sides into a T, squeezing the shoulder blades together.",
        "Lower the arms slowly.",
        "trains the middle traps that draw the shoulder blades together",
        ("Arms like a T.", "Squeeze, then lift."), ("Lifting the head. Keep the neck long.",),
        ("Use no weight.",), ("Hold a light weight.",), reps=("10-12", "12-15"),
    ),
    "W raise": Movement(
        "W raise", "activation", 0, ("lower-traps", "infraspinatus"), ("middle-traps", "teres-minor"),
        ("bodyweight", "band", "dumbbell"), ("", "prone", "incline", "wall-supported"), ("",),
        "Bend your elbows and pull them down and back into a W, turning the hands out.",
        "Return slowly to the start.",
        "combines a shoulder blade squeeze with outward rotation of the arms",
        ("Elbows to your back pockets.", "Turn the hands out."), ("Shrugging. Keep the shoulders low.",),
        ("Make the W smaller.",), ("Hold the W for five seconds.",), reps=("10-12",),
    ),
    "scapular push-up": Movement(
        "scapular push-up", "stability", 0, ("serratus-anterior",), ("chest", "core"),
        ("bodyweight", "band"), ("", "incline", "kneeling", "wall-supported"), ("",),
        "With straight arms, let your chest sink between your shoulder blades, then push the floor away.",
        "Return to a neutral position between reps.",
        "trains serratus anterior, which holds the shoulder blades flat against the ribs",
        ("Push the floor away.", "Arms stay straight."), ("Bending the elbows. Only the shoulder blades move.",),
        ("Do it against a wall.",), ("Do it from the feet.",), reps=("10-12", "12-15"),
    ),
    "plank": Movement(
        "plank", "stability", 0, ("core",), ("serratus-anterior", "glutes", "rear-delts"),
        ("bodyweight", "band", "household"), ("forearm", "side", "incline", "kneeling"), ("",),
        "Lift your hips so your body makes one straight line, and brace as if about to be poked in the stomach.",
        "Lower your knees to the floor to finish.",
        "trains the trunk to stay stiff, which gives the shoulders a stable base",
        ("Straight line from head to heels.", "Squeeze the glutes.", "Breathe behind the brace."),
        ("Letting the hips sag. Squeeze the glutes.", "Holding the breath. Breathe steadily."),
        ("Drop to the knees.",), ("Lift one foot.",), dose="hold", variations=("", "reach", "tempo"),
    ),
    "thoracic rotation": Movement(
        "thoracic rotation", "mobility", 0, ("core",), ("middle-traps", "rhomboids"),
        ("bodyweight",), ("side-lying", "kneeling", "chair-supported", "half-kneeling"), ("",),
        "Turn your chest and top arm open toward the ceiling, eyes following your hand.",
        "Bring the arm back slowly.",
        "helps the middle of the back rotate, which long hours of sitting stiffen",
        ("Eyes follow the hand.", "Twist from the middle of the back."),
        ("Forcing the end range. Go only as far as is comfortable.", "Holding your breath. Breathe out as you open."),
        ("Open only halfway.",), ("Hold the open position for three breaths.",),
        reps=("6", "8"), variations=("", "pause", "reach", "slow"),
        safety=("Move only within a comfortable range.", "Stop if you feel tingling in the arm."),
    ),
    "wall slide": Movement(
        "wall slide", "activation", 0, ("serratus-anterior", "lower-traps"), ("middle-traps", "upper-traps"),
        ("wall", "band"), ("", "standing", "half-kneeling", "tall-kneeling"), ("",),
        "Slide your forearms up the wall, keeping them in contact, until your arms are nearly straight.",
        "Slide back down slowly.",
        "teaches the shoulder blades to rotate upward smoothly as the arms go overhead",
        ("Forearms stay on the wall.", "Ribs down."), ("Arching the lower back. Keep the ribs down.",),
        ("Slide only partway up.",), ("Loop a band around the forearms.",), loads=("shoulder-overhead",), reps=("8-10",),
    ),
    "Romanian deadlift": Movement(
        "Romanian deadlift", "strength", 1, ("hamstrings", "glutes", "erector-spinae"), ("upper-traps", "lats", "core"),
        ("dumbbell", "barbell", "kettlebell"), ("", "single-leg", "staggered-stance", "split-stance"),
        ("", "overhand", "mixed-grip", "single-arm"),
        "Push your hips back and lower the weight along your legs with a flat back until you feel a stretch.",
        "Drive your hips forward to stand tall.",
        "trains the hip hinge that protects the back when you lift from the floor",
        ("Hips back, not down.", "Weight close to the legs.", "Long spine."),
        ("Rounding the back. Stop the descent earlier.", "Squatting instead of hinging. Keep the shins nearly vertical."),
        ("Use a lighter weight.", "Shorten the range."), ("Add load.", "Pause at the bottom."),
        loads=("spine",), reps=("6-8", "8-10"),
        safety=("Keep the back flat; end the set when you can no longer.", "Build up load over weeks, not sessions."),
    ),
    "pull-apart": Movement(
        "pull-apart", "activation", 0, ("rear-delts", "middle-traps", "rhomboids"), ("infraspinatus", "lower-traps"),
        ("band",), ("", "standing", "half-kneeling", "tall-kneeling", "seated"),
        ("", "overhand", "underhand", "wide-grip", "close-grip", "diagonal"),
        "Pull the band apart by sweeping your arms out to the sides until it touches your chest.",
        "Let the band come back slowly.",
        "trains the rear delts and the muscles between the shoulder blades with a light band",
        ("Stretch the band across your chest.", "Shoulders down."), ("Shrugging. Keep the neck long.",),
        ("Use a lighter band.",), ("Use a stronger band.",), reps=("15", "15-20"),
    ),
    "bird dog": Movement(
        "bird dog", "stability", 0, ("core", "erector-spinae"), ("glutes", "lower-traps", "rear-delts"),
        ("bodyweight", "band", "household"), ("kneeling",), ("",),
        "Reach one arm forward and the opposite leg back until both are level with your trunk.",
        "Return them slowly and switch sides.",
        "trains the trunk to resist twisting while the limbs move",
        ("Long from fingertips to heel.", "Hips level."), ("Arching the lower back. Reach long, not high.",),
        ("Move only the arm or only the leg.",), ("Hold each reach for five seconds.",),
        reps=("6", "8"), variations=("", "pause", "slow", "reach"),
    ),
    "prone extension": Movement(
        "prone extension", "activation", 0, ("erector-spinae", "lower-traps"), ("glutes", "middle-traps", "hamstrings"),
        ("bodyweight", "household"), ("prone",), ("",),
        "Lift your chest and arms a few centimetres, then your legs, keeping your neck long.",
        "Lower gently to the mat.",
        "trains the muscles along the spine and the lower traps together",
        ("Lift long, not high.", "Look at the floor."), ("Cranking the neck up. Keep the gaze down.",),
        ("Lift only the arms.",), ("Hold a light weight.",), loads=("spine",), reps=("8", "10"),
    ),
    "overhead press": Movement(
        "overhead press", "strength", 1, ("side-delts",), ("upper-traps", "serratus-anterior", "core"),
        ("dumbbell", "barbell", "kettlebell", "band"), ("", "standing", "seated", "half-kneeling", "tall-kneeling"),
        ("", "neutral-grip", "overhand", "single-arm"),
        "Press the weight straight up until your arms are straight, biceps beside your ears.",
        "Lower it to your shoulders under control.",
        "trains the shoulders to press overhead with the shoulder blades rotating upward",
        ("Ribs down.", "Head through at the top."), ("Arching the lower back. Squeeze the glutes.",),
        ("Use lighter weights.",), ("Add load.",), loads=("shoulder-overhead",), reps=("6-8", "8-10"),
        safety=("Press only through a pain-free range.", "Brace the trunk before each rep."),
    ),
    "pullover": Movement(
        "pullover", "strength", 1, ("lats",), ("chest", "serratus-anterior", "core"),
        ("dumbbell", "cable", "band", "kettlebell"), ("", "supine", "tall-kneeling", "standing"), ("", "neutral-grip", "overhand"),
        "With nearly straight arms, sweep the weight from overhead down to your hips.",
        "Let it travel back overhead under control.",
        "trains the lats through a long range with the arms straight",
        ("Long arms.", "Ribs down."), ("Bending the elbows into a press.",),
        ("Shorten the range.",), ("Pause at the hips.",), loads=("shoulder-overhead",), reps=("10-12",),
        safety=("Keep the range comfortable for the shoulders.",),
    ),
}

HOME = (
    "Use a loaded backpack instead of weights.",
    "Anchor a band in a closed door at the right height.",
    "Fill two shopping bags or water bottles for the load.",
    "Use a sturdy table edge as a support.",
    "Lie on a bed or a towel instead of a bench.",
)
GENERIC_CUES = ("Breathe out as you work.", "Move slowly and smoothly.", "Keep the neck long.")
GENERIC_MISTAKES = ("Rushing the reps. Count two seconds each way.", "Holding the breath. Breathe steadily.")
GENERIC_SAFETY = ("Warm up with a lighter set first.", "Stop if you feel sharp pain, numbness or tingling.")
SOURCES = ("neumann-2017", "mcgill-2016", "nsca-2016", "ekstrom-2003", "reinold-2004", "cools-2007", "andersen-2012")
"""Ids of the shared source records (exercises/sources/) the synthetic records cite."""
ACTIONS = {
    "activation": ("scapular-retraction", "shoulder-horizontal-abduction"),
    "strength": ("scapular-retraction", "shoulder-extension", "elbow-flexion"),
    "mobility": ("thoracic-extension", "thoracic-rotation"),
    "stability": ("spinal-stability", "scapular-depression"),
}
"""Joint actions a synthetic record lists, by its category."""


FIGURE = {
    "view": "side",
    "props": [{"kind": "floor"}],
    "start": {"trunk": 0, "near": {"shoulder": 10, "elbow": 0}, "far": {"shoulder": 10, "elbow": 0}},
    "end": {"trunk": 0, "near": {"shoulder": 90, "elbow": 60}, "far": {"shoulder": 90, "elbow": 60}},
}
"""The movement figure every synthetic record gets (a figure is required; its size is near a real one's)."""
