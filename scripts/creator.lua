-- Creator: does it serve creative work without technical overhead? The Lua twin of plugins/creator/creator.cpp.
-- Values tools made for creators, freedom to pick whichever model is cheapest, a community already building
-- plugins and themes, speed, momentum, where it is heading and a free start. Says skip to tools that live deep in
-- developer territory or put set-up work between a creator and the work.

local defaults = {
  base = 40, threshold = 60, min_facts = 2,
  weights = {
    made_for_creators = 20, developer_territory = -10, model_choice = 15, locked_in = -10,
    community_ecosystem = 15, speed = 5, momentum = 5, becoming = 5, free_start = 10, paid_entry = -5,
    setup_overhead = -10,
  },
}

local technical_audiences = { developers = true, ml_engineers = true, researchers = true }

local function developer_audience_only(who)
  for _, a in ipairs(who) do
    if not technical_audiences[a] then return false end
  end
  return #who > 0
end

-- The set-up fact that makes it overhead: a key, then variables, then many steps; nil when none does.
local function overhead_fact(setup)
  if setup.api_key == true then return "setup.api_key" end
  if (setup.env_vars or 0) > 0 then return "setup.env_vars" end
  if (setup.steps or 0) > 5 then return "setup.steps" end
  return nil
end

-- One reason, citing the set-up fact that makes it overhead, else the first one known.
local function weigh_setup(setup, ctx)
  local why = "Set-up is technical overhead."
  local overhead = overhead_fact(setup)
  if overhead == "setup.api_key" then return ctx.rule("setup_overhead", overhead, "true", true, why) end
  if overhead == "setup.env_vars" then return ctx.rule("setup_overhead", overhead, setup.env_vars, true, why) end
  if overhead == "setup.steps" then return ctx.rule("setup_overhead", overhead, setup.steps, true, why) end
  if setup.api_key ~= nil then return ctx.rule("setup_overhead", "setup.api_key", setup.api_key, false, why) end
  if setup.env_vars then return ctx.rule("setup_overhead", "setup.env_vars", setup.env_vars, false, why) end
  if setup.steps then ctx.rule("setup_overhead", "setup.steps", setup.steps, false, why) end
end

-- What stands between a creator and the work, in words, for the fact overhead_fact() names.
local function overhead_words(setup)
  local overhead = overhead_fact(setup)
  if overhead == "setup.api_key" then return "It asks for an API key before anything creative happens." end
  if overhead == "setup.env_vars" then
    local vars = setup.env_vars
    return "It asks for " .. vars .. (vars == 1 and " environment variable" or " environment variables")
      .. " before anything creative happens."
  end
  return "It takes " .. setup.steps .. " steps before anything creative happens."
end

local function weigh_fit(tool, ctx)
  local who = tool.audience
  if who then
    ctx.rule("made_for_creators", "audience", who, ctx.includes(who, "creators"), "It is made for creative work.")
    ctx.rule("developer_territory", "audience", who, developer_audience_only(who), "It lives in developer territory.")
  end
  local l = tool.lock_in
  if l then
    ctx.rule("model_choice", "lock_in", l, l == "none", "You can plug in whichever model is cheapest this week.")
    ctx.rule("locked_in", "lock_in", l, l == "high", "It locks you into one vendor's models.")
  end
  if tool.ecosystem then
    ctx.rule("community_ecosystem", "ecosystem", tool.ecosystem, #tool.ecosystem > 0,
      "The community is already building on it.")
  end
  if tool.performance then ctx.rule("speed", "performance", tool.performance, true, "It is built to be fast.") end
  local stars = tool.traction.github_stars
  if stars then ctx.rule("momentum", "traction.github_stars", stars, stars >= 10000, "People are already using it.") end
  if tool.traction.becoming then
    ctx.rule("becoming", "traction.becoming", tool.traction.becoming, true,
      "It is turning into something people build on.")
  end
  local entry = tool.pricing.entry
  local free = entry == "free" or entry == "freemium"
  ctx.rule("free_start", "pricing.entry", entry, free, "You can start without paying.")
  ctx.rule("paid_entry", "pricing.entry", entry, not free, "You pay before you make anything.")
  weigh_setup(tool.setup, ctx)
end

local function say_fit(tool, ctx)
  if ctx.fired("made_for_creators") then
    ctx.say("It is made for creative work, not for engineers.", { "made_for_creators" }, { "audience" })
  elseif ctx.fired("developer_territory") then
    ctx.say("This lives in developer territory, so the question is whether it gets out of my way.",
      { "developer_territory" }, { "audience" })
  end
  if ctx.fired("model_choice") then
    ctx.say("It lets me plug in whatever model is cheapest this week.", { "model_choice" }, { "lock_in" })
  end
  if ctx.fired("locked_in") then ctx.say("It locks me into one vendor's models.", { "locked_in" }, { "lock_in" }) end
  if tool.performance then ctx.say("It runs fast, with " .. tool.performance .. ".", { "speed" }, { "performance" }) end
  if ctx.fired("community_ecosystem") then
    ctx.say("The ecosystem is already producing " .. ctx.join_list(tool.ecosystem) .. ".", { "community_ecosystem" },
      { "ecosystem" })
  end
  if ctx.fired("momentum") then
    local note = tool.traction.note
    ctx.say(ctx.with_thousands(tool.traction.github_stars) .. " GitHub stars" .. (note and " " .. note or "")
      .. " say people are already using it.", { "momentum" },
      note and { "traction.github_stars", "traction.note" } or { "traction.github_stars" })
  end
  if tool.traction.becoming then
    ctx.say("It is becoming " .. tool.traction.becoming .. ".", { "becoming" }, { "traction.becoming" })
  end
  if ctx.fired("setup_overhead") then
    ctx.say(overhead_words(tool.setup), { "setup_overhead" }, { overhead_fact(tool.setup) })
  end
  if ctx.fired("free_start") then
    ctx.say("It is free to start.", { "free_start" }, { "pricing.entry" })
  else
    ctx.say("There is a price of entry.", { "paid_entry" }, { "pricing.entry" })
  end
end

local function close_quote(ctx)
  if ctx.verdict() == "ship" then
    return ctx.close("It stays out of the way of the work, so it ships.", ctx.verdict_rules())
  end
  if ctx.fired("developer_territory") or ctx.fired("setup_overhead") then
    local rules = {}
    for _, rule in ipairs({ "developer_territory", "setup_overhead" }) do
      if ctx.fired(rule) then rules[#rules + 1] = rule end
    end
    return ctx.close("It lives too deep in developer territory for creative work: skip.", rules)
  end
  ctx.close("It does not earn a place in a creative workflow yet.", ctx.verdict_rules())
end

local function review(tool, ctx)
  weigh_fit(tool, ctx)
  if ctx.verdict() == "abstain" then
    ctx.close("I cannot tell whether " .. tool.name .. " serves creative work: the catalog says too little about who it"
      .. " is for and how it feels to use.", {}, { "audience", "lock_in", "ecosystem", "setup" })
    return ctx.finish()
  end
  say_fit(tool, ctx)
  close_quote(ctx)
  return ctx.finish()
end

return {
  id = "creator",
  name = "Creator",
  version = "2.0.0",
  defaults = defaults,
  review = review,
}
