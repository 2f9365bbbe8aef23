-- Developer: the first-ten-minutes test. The Lua twin of plugins/developer/developer.cpp: same rules, same quote.
-- Values the artifact itself over a demo or a waitlist, no API keys or environment variables before the first
-- run, loading into standard stacks, working examples, and running on your own hardware. Says skip to promises
-- (demos, waitlists, announcements) and to heavy set-up friction.

local defaults = {
  base = 40, threshold = 60, min_facts = 2,
  weights = {
    artifact = 15, promise_only = -25, no_api_key = 10, api_key_required = -5, no_env_vars = 5, env_var_friction = -5,
    few_steps = 5, many_steps = -5, one_command = 5, standard_stacks = 15, working_examples = 10,
    pseudocode_examples = -5, runs_locally = 10, open_artifact = 10, non_commercial = -10, licence_conditions = -5,
    no_lock_in = 5, vendor_lock_in = -10, performance = 5,
  },
}

local function runs_on_own_hardware(where)
  for _, d in ipairs(where) do
    if d ~= "cloud" then return true end
  end
  return false
end

local function weigh_release(tool, ctx)
  local a = tool.availability
  if a then
    local real = a == "released" or a == "beta"
    ctx.rule("artifact", "availability", a, real, "It is the artifact itself, not a demo or a waitlist.")
    ctx.rule("promise_only", "availability", a, not real, "It is a promise, not something you can run today.")
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

local function friction_sentence(tool, ctx)
  local absent = {}
  if tool.setup.api_key == false then absent[#absent + 1] = "no API key" end
  if tool.setup.env_vars == 0 then absent[#absent + 1] = "no environment variables" end
  local text = ""
  if #absent > 0 then
    text = text .. " " .. ctx.sentence_case(ctx.join_list(absent)) .. (#absent == 1 and " stands" or " stand")
      .. " between you and the first run."
  end
  if tool.setup.api_key == true then text = text .. " You need an API key before the first call." end
  local vars = tool.setup.env_vars or 0
  if vars > 0 then
    text = text .. " Set-up asks for " .. vars .. (vars == 1 and " environment variable." or " environment variables.")
  end
  return text
end

local function first_minutes_sentence(tool, ctx)
  local text, first_run = "", tool.setup.first_run
  if tool.integrations and #tool.integrations > 0 then
    text = " The first-ten-minutes test: it loads into " .. ctx.join_list(tool.integrations)
    if first_run then text = text .. ", and `" .. first_run .. "` gets you going" end
    text = text .. "."
  elseif first_run then
    text = " The first-ten-minutes test: `" .. first_run .. "` gets you going."
  elseif tool.kind == "model" then
    text = " The moment of truth is whether it loads cleanly into standard inference stacks,"
      .. " and no integrations are listed yet."
  end
  if tool.examples == "working" then text = text .. " The examples are actual working code, not pseudocode." end
  if tool.examples == "pseudocode" then text = text .. " The examples are pseudocode, not working code." end
  return text
end

local function licence_sentence(tool)
  local licence = tool.licence.name or "licence"
  if tool.licence.commercial_use == "forbidden" then
    return " The " .. licence
      .. " is the real friction point: no commercial use means it cannot replace what you run in production."
  end
  if tool.licence.commercial_use == "restricted" then
    return " The " .. licence .. " puts conditions on commercial use, so read it before you ship."
  end
  return ""
end

local function openness_sentence(tool, ctx)
  local text = ""
  if tool.licence.open_source == true then
    text = text .. " It is open source, so you can audit it, fork it and run it on your own infrastructure."
  elseif tool.licence.open_weights == true then
    text = text .. " The weights are yours to download and run."
  end
  if tool.lock_in == "none" then text = text .. " It is not tied to a single vendor." end
  if tool.performance then text = text .. " " .. ctx.sentence_case(tool.performance) .. " is a bonus." end
  return text
end

local promise_phrases = { demo = "a demo", waitlist = "a waitlist", announced = "an announcement" }

local function promise_phrase(stage)
  return promise_phrases[stage] or "a promise"
end

local function closing_sentence(tool, ctx)
  local ship = ctx.verdict() == "ship"
  if ship and ctx.fired("artifact") then
    local where = tool.distribution and ", published on " .. ctx.join_list(tool.distribution) or ""
    return " What earns the ship: this is not a demo or a waitlist, it is the artifact itself" .. where .. "."
  end
  if ship and ctx.fired("promise_only") then
    return " The rest earns the ship, but for now it is " .. promise_phrase(tool.availability)
      .. ": check it again when it can be run."
  end
  if ship then return " It passes the first-ten-minutes test, and that earns the ship." end
  if ctx.fired("promise_only") then
    return " Skip until there is something to run: " .. promise_phrase(tool.availability) .. " is not a product."
  end
  return " It does not pass the first-ten-minutes test yet."
end

local function compose_quote(tool, ctx)
  if ctx.verdict() == "abstain" then
    return "Not enough here for the first-ten-minutes test: the catalog lists too little about how " .. tool.name
      .. " is released, set up and run."
  end
  local text = tool.primitive and "The primitive here is " .. tool.primitive .. "."
    or tool.name .. " is the thing to test."
  return text .. friction_sentence(tool, ctx) .. first_minutes_sentence(tool, ctx) .. licence_sentence(tool)
    .. openness_sentence(tool, ctx) .. closing_sentence(tool, ctx)
end

local function review(tool, ctx)
  weigh_release(tool, ctx)
  weigh_setup(tool, ctx)
  weigh_runtime(tool, ctx)
  return ctx.finish(compose_quote(tool, ctx))
end

return {
  id = "developer",
  name = "Developer",
  version = "1.0.0",
  defaults = defaults,
  review = review,
}
