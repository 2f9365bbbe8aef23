-- Developer: the first-ten-minutes test. The Lua twin of plugins/developer/developer.cpp: same rules, same quote.
-- Values the artifact itself over a demo or a waitlist, a real upgrade over what came before, no API keys or
-- environment variables before the first run, loading into standard stacks, working examples, running on your own
-- hardware, and a primitive you could not rebuild on a weekend. Says skip to promises (demos, waitlists,
-- announcements) and to heavy set-up friction. Every sentence of its quote names the rules and facts it stands on.

local defaults = {
  base = 40, threshold = 60, min_facts = 2,
  weights = {
    artifact = 15, promise_only = -25, upgrade = 20, no_api_key = 10, api_key_required = -5, no_env_vars = 5,
    env_var_friction = -5, few_steps = 5, many_steps = -5, one_command = 5, standard_stacks = 15,
    working_examples = 10, pseudocode_examples = -5, runs_locally = 10, open_artifact = 10, non_commercial = -10,
    licence_conditions = -5, no_lock_in = 5, vendor_lock_in = -10, performance = 5, day_zero_support = 5,
    real_primitive = 10, momentum = 5,
  },
}

local function runs_on_own_hardware(where)
  for _, d in ipairs(where) do
    if d ~= "cloud" then return true end
  end
  return false
end

local function day_zero(supports)
  for _, s in ipairs(supports) do
    if s.day_zero == true then return true end
  end
  return false
end

-- What it supports, as reason text: "JSON (day zero), YAML".
local function supports_text(supports)
  local items = {}
  for _, s in ipairs(supports) do items[#items + 1] = s.name .. (s.day_zero == true and " (day zero)" or "") end
  return table.concat(items, ", ")
end

local function weigh_release(tool, ctx)
  local a = tool.availability
  if a then
    local real = a == "released" or a == "beta"
    ctx.rule("artifact", "availability", a, real, "It is the artifact itself, not a demo or a waitlist.")
    ctx.rule("promise_only", "availability", a, not real, "It is a promise, not something you can run today.")
  end
  local p = tool.predecessor
  if p and p.improvement then
    ctx.rule("upgrade", "predecessor.improvement", p.improvement, true, "It is a real upgrade over what it replaces.")
  end
  local fact, open = ctx.openness(tool)
  if fact then ctx.rule("open_artifact", fact, open, open, "You can inspect, fork and run the artifact yourself.") end
  local c = tool.licence.commercial_use
  if c then
    ctx.rule("non_commercial", "licence.commercial_use", c, c == "forbidden",
      "The licence forbids commercial use, so it cannot replace what you run in production.")
    ctx.rule("licence_conditions", "licence.commercial_use", c, c == "restricted",
      "The licence puts conditions on commercial use.")
  end
  local hard = tool.hard_to_replicate
  if hard ~= nil then
    ctx.rule("real_primitive", "hard_to_replicate", hard, hard,
      "It is real infrastructure, not something to rebuild on a weekend.")
  end
  local stars = tool.traction.github_stars
  if stars then
    ctx.rule("momentum", "traction.github_stars", stars, stars >= 50000, "Developers are already running it.")
  end
end

local function weigh_setup(tool, ctx)
  local setup = tool.setup
  local key, vars, steps = setup.api_key, setup.env_vars, setup.steps
  if key ~= nil then
    ctx.rule("no_api_key", "setup.api_key", key, not key, "It runs without an API key.")
    ctx.rule("api_key_required", "setup.api_key", key, key, "You need an API key before the first call.")
  end
  if vars then
    ctx.rule("no_env_vars", "setup.env_vars", vars, vars == 0, "It needs no environment variables.")
    ctx.rule("env_var_friction", "setup.env_vars", vars, vars > 2, "Set-up asks for several environment variables.")
  end
  if steps then
    ctx.rule("few_steps", "setup.steps", steps, steps <= 3, "It takes a few steps from nothing to a first result.")
    ctx.rule("many_steps", "setup.steps", steps, steps > 5, "It takes many steps to reach a first result.")
  end
  if setup.first_run then
    ctx.rule("one_command", "setup.first_run", setup.first_run, true, "One command gets you running.")
  end
  if tool.integrations then
    ctx.rule("standard_stacks", "integrations", tool.integrations, #tool.integrations > 0,
      "It loads into standard stacks.")
  end
  local e = tool.examples
  if e then
    ctx.rule("working_examples", "examples", e, e == "working", "The examples are working code.")
    ctx.rule("pseudocode_examples", "examples", e, e == "pseudocode", "The examples are pseudocode.")
  end
  if tool.supports and #tool.supports > 0 then
    ctx.rule("day_zero_support", "supports", supports_text(tool.supports), day_zero(tool.supports),
      "It supports what you run from day zero.")
  end
end

local function weigh_runtime(tool, ctx)
  if tool.deployment then
    ctx.rule("runs_locally", "deployment", tool.deployment, runs_on_own_hardware(tool.deployment),
      "It runs on your own hardware.")
  end
  local l = tool.lock_in
  if l then
    ctx.rule("no_lock_in", "lock_in", l, l == "none", "It is not tied to a single vendor.")
    ctx.rule("vendor_lock_in", "lock_in", l, l == "high", "It ties you to one vendor.")
  end
  if tool.performance then ctx.rule("performance", "performance", tool.performance, true, "It is built to be fast.") end
end

-- The rule that says whether it is the artifact or a promise, whichever was weighed.
local function release_rules(ctx)
  if ctx.fired("artifact") then return { "artifact" } end
  if ctx.fired("promise_only") then return { "promise_only" } end
  return {}
end

-- The first claim the vendor shows rather than tells, with documentation or code, and that is not known to break: a
-- developer reads that as a sign of a real artifact.
local function shown_claim(tool, ctx)
  for _, c in ipairs(tool.claims or {}) do
    local shown = ctx.includes(c.evidence, "documented") or ctx.includes(c.evidence, "code")
    if shown and not c.breaks_at then return c end
  end
  return nil
end

local function say_what_it_is(tool, ctx)
  local p = tool.predecessor
  if p then
    if p.improvement then
      ctx.say("An immediate upgrade from " .. p.name .. ": " .. p.improvement .. ".", { "upgrade" },
        { "predecessor.name", "predecessor.improvement" })
    else
      ctx.say("It is a new version of " .. p.name .. ".", {}, { "predecessor.name" })
    end
  end
  if tool.primitive then
    ctx.say("The primitive here is " .. tool.primitive .. ".", release_rules(ctx), { "primitive" })
  end
  if tool.dx_bet then ctx.say("The DX bet: " .. tool.dx_bet .. ".", {}, { "dx_bet" }) end
end

local function say_friction(tool, ctx)
  local absent, rules, facts = {}, {}, {}
  if ctx.fired("no_api_key") then
    absent[#absent + 1], rules[#rules + 1], facts[#facts + 1] = "no API key", "no_api_key", "setup.api_key"
  end
  if ctx.fired("no_env_vars") then
    absent[#absent + 1], rules[#rules + 1] = "no environment variables", "no_env_vars"
    facts[#facts + 1] = "setup.env_vars"
  end
  if #absent > 0 then
    local verb = (#rules == 1 and rules[1] == "no_api_key") and " stands" or " stand"
    ctx.say(ctx.sentence_case(ctx.join_list(absent)) .. verb .. " between you and the first run.", rules, facts)
  end
  if ctx.fired("api_key_required") then
    ctx.say("You need an API key before the first call.", { "api_key_required" }, { "setup.api_key" })
  end
  local vars = tool.setup.env_vars or 0
  if vars > 0 then
    ctx.say("Set-up asks for " .. vars .. (vars == 1 and " environment variable." or " environment variables."),
      ctx.fired("env_var_friction") and { "env_var_friction" } or {}, { "setup.env_vars" })
  end
end

local function say_first_minutes(tool, ctx)
  local first_run, spares = tool.setup.first_run, tool.setup.spares
  local spared = spares and ", without " .. spares or ""
  local facts = {}
  if spares then facts[#facts + 1] = "setup.spares" end
  local supports = tool.supports and #tool.supports > 0 and tool.supports or nil
  if tool.integrations and #tool.integrations > 0 then
    local text = "The first-ten-minutes test: it loads into " .. ctx.join_list(tool.integrations)
    facts[#facts + 1] = "integrations"
    local rules = { "standard_stacks" }
    if first_run then
      text = text .. ", and `" .. first_run .. "` gets you going"
      rules[#rules + 1] = "one_command"
      facts[#facts + 1] = "setup.first_run"
    end
    ctx.say(text .. spared .. ".", rules, facts)
  elseif first_run then
    facts[#facts + 1] = "setup.first_run"
    ctx.say("The first-ten-minutes test: `" .. first_run .. "` gets you going" .. spared .. ".", { "one_command" },
      facts)
  elseif tool.kind == "model" and not supports then
    ctx.say("The moment of truth is whether it loads cleanly into standard inference stacks, and no integrations are"
      .. " listed yet.", {}, { "kind" })
  end
  if supports then
    local names = {}
    for _, s in ipairs(supports) do names[#names + 1] = s.name end
    local rules = ctx.fired("day_zero_support") and { "day_zero_support" } or {}
    if tool.kind == "model" then
      ctx.say("The moment of truth is whether it holds up on " .. ctx.join_list(names, "or") .. ".", rules,
        { "supports", "kind" })
    else
      ctx.say("It supports " .. ctx.join_list(names) .. (day_zero(supports) and ", from day zero." or "."), rules,
        { "supports" })
    end
  end
  local c = shown_claim(tool, ctx)
  if c then
    local shown = ctx.includes(c.evidence, "code") and " backs " .. c.text .. " with code" or " documents " .. c.text
    ctx.say((tool.vendor or "It") .. shown .. " instead of hand-waving.", {}, { "claims", "claims.evidence" })
  end
  if ctx.fired("working_examples") then
    ctx.say("The examples are actual working code, not pseudocode.", { "working_examples" }, { "examples" })
  end
  if ctx.fired("pseudocode_examples") then
    ctx.say("The examples are pseudocode, not working code.", { "pseudocode_examples" }, { "examples" })
  end
end

local function say_licence(tool, ctx)
  local licence = tool.licence.name or "licence"
  local facts = { "licence.commercial_use" }
  if tool.licence.name then facts[#facts + 1] = "licence.name" end
  if ctx.fired("non_commercial") then
    ctx.say("The " .. licence .. " is the real friction point: no commercial use means it cannot replace what you run"
      .. " in production.", { "non_commercial" }, facts)
    if ctx.includes(tool.audience, "researchers") then
      ctx.say("For experimentation, local development and research, it is still a genuine unlock.",
        { "non_commercial" }, { "audience" })
    end
  end
  if ctx.fired("licence_conditions") then
    ctx.say("The " .. licence .. " puts conditions on commercial use, so read it before you ship.",
      { "licence_conditions" }, facts)
  end
  if tool.track_record then
    ctx.say("Mind where it comes from: " .. tool.track_record .. ".", {}, { "track_record" })
  end
end

local function say_freedom(tool, ctx)
  if ctx.fired("open_artifact") and tool.licence.open_source == true then
    ctx.say("It is open source, so you can audit it, fork it and run it on your own infrastructure.",
      { "open_artifact" }, { "licence.open_source" })
  elseif ctx.fired("open_artifact") then
    ctx.say("The weights are yours to download and run.", { "open_artifact" }, { "licence.open_weights" })
  end
  if ctx.includes(tool.deployment, "local") or ctx.includes(tool.deployment, "on_device") then
    ctx.say("It runs on the hardware you already have.", { "runs_locally" }, { "deployment" })
  end
  if ctx.fired("no_lock_in") then ctx.say("It is not tied to a single vendor.", { "no_lock_in" }, { "lock_in" }) end
  if ctx.fired("vendor_lock_in") then ctx.say("It ties you to one vendor.", { "vendor_lock_in" }, { "lock_in" }) end
  if ctx.fired("momentum") then
    local note = tool.traction.note
    ctx.say(ctx.with_thousands(tool.traction.github_stars) .. " GitHub stars" .. (note and " " .. note or "")
      .. ": developers are already running it.", { "momentum" },
      note and { "traction.github_stars", "traction.note" } or { "traction.github_stars" })
  end
  if tool.performance then
    ctx.say(ctx.sentence_case(tool.performance) .. " is a bonus.", { "performance" }, { "performance" })
  end
end

local promise_phrases = { demo = "a demo", waitlist = "a waitlist", announced = "an announcement" }

local function promise_phrase(stage)
  return promise_phrases[stage] or "a promise"
end

local function close_quote(tool, ctx)
  local ship = ctx.verdict() == "ship"
  if ship and ctx.fired("real_primitive") then
    return ctx.close("You could not replicate it on a weekend: it is a real infrastructure primitive, and that earns"
      .. " the ship.", { "real_primitive" }, { "hard_to_replicate" })
  end
  if ship and ctx.fired("artifact") then
    local facts, where = { "availability" }, ""
    if tool.distribution then
      where = ", published on " .. ctx.join_list(tool.distribution)
      facts[#facts + 1] = "distribution"
    end
    return ctx.close("What earns the ship: this is not a demo or a waitlist, it is the artifact itself" .. where .. ".",
      { "artifact" }, facts)
  end
  if ship and ctx.fired("promise_only") then
    return ctx.close("The rest earns the ship, but for now it is " .. promise_phrase(tool.availability)
      .. ": check it again when it can be run.", { "promise_only" }, { "availability" })
  end
  if ship then return ctx.close("Its set-up and reach earn the ship.", ctx.verdict_rules()) end
  if ctx.fired("promise_only") then
    return ctx.close("Skip until there is something to run: " .. promise_phrase(tool.availability)
      .. " is not a product.", { "promise_only" }, { "availability" })
  end
  local setup = tool.setup
  local tried = setup.api_key ~= nil or setup.env_vars or setup.steps or setup.first_run or tool.integrations
    or tool.examples
  ctx.close(tried and "It does not pass the first-ten-minutes test yet." or "Nothing here earns the ship yet.",
    ctx.verdict_rules())
end

local function review(tool, ctx)
  weigh_release(tool, ctx)
  weigh_setup(tool, ctx)
  weigh_runtime(tool, ctx)
  if ctx.verdict() == "abstain" then
    ctx.close("Not enough here for the first-ten-minutes test: the catalog lists too little about how " .. tool.name
      .. " is released, set up and run.", {}, { "availability", "setup", "integrations", "deployment" })
    return ctx.finish()
  end
  say_what_it_is(tool, ctx)
  say_friction(tool, ctx)
  say_first_minutes(tool, ctx)
  say_licence(tool, ctx)
  say_freedom(tool, ctx)
  close_quote(tool, ctx)
  return ctx.finish()
end

return {
  id = "developer",
  name = "Developer",
  version = "2.0.0",
  defaults = defaults,
  review = review,
}
