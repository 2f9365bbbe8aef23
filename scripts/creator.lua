-- Creator: does it serve creative work without technical overhead? The Lua twin of plugins/creator/creator.cpp.
-- Values tools made for creators, freedom to pick whichever model is cheapest, a community already building
-- plugins and themes, speed, momentum and a free start. Says skip to tools that live deep in developer territory
-- or put set-up work between a creator and the work.

local defaults = {
  base = 40, threshold = 60, min_facts = 2,
  weights = {
    made_for_creators = 20, developer_territory = -10, model_choice = 15, locked_in = -10,
    community_ecosystem = 15, speed = 5, momentum = 5, free_start = 10, paid_entry = -5, setup_overhead = -10,
  },
}

local technical_audiences = { developers = true, ml_engineers = true, researchers = true }

local function developer_audience_only(who)
  for _, a in ipairs(who) do
    if not technical_audiences[a] then return false end
  end
  return #who > 0
end

local function includes(list, wanted)
  for _, each in ipairs(list) do
    if each == wanted then return true end
  end
  return false
end

-- One reason, citing the set-up fact that makes it overhead (a key, then variables, then steps), else the first
-- one known.
local function weigh_setup(setup, ctx)
  local why = "Set-up is technical overhead."
  if setup.api_key == true then return ctx.rule("setup_overhead", "setup.api_key", "true", true, why) end
  if (setup.env_vars or 0) > 0 then return ctx.rule("setup_overhead", "setup.env_vars", setup.env_vars, true, why) end
  if (setup.steps or 0) > 5 then return ctx.rule("setup_overhead", "setup.steps", setup.steps, true, why) end
  if setup.api_key ~= nil then return ctx.rule("setup_overhead", "setup.api_key", setup.api_key, false, why) end
  if setup.env_vars then return ctx.rule("setup_overhead", "setup.env_vars", setup.env_vars, false, why) end
  if setup.steps then ctx.rule("setup_overhead", "setup.steps", setup.steps, false, why) end
end

local function weigh_fit(tool, ctx)
  local who = tool.audience
  if who then
    ctx.rule("made_for_creators", "audience", who, includes(who, "creators"), "It is made for creative work.")
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
  local entry = tool.pricing.entry
  local free = entry == "free" or entry == "freemium"
  ctx.rule("free_start", "pricing.entry", entry, free, "You can start without paying.")
  ctx.rule("paid_entry", "pricing.entry", entry, not free, "You pay before you make anything.")
  weigh_setup(tool.setup, ctx)
end

local function closing_sentence(ctx)
  if ctx.verdict() == "ship" then return " It stays out of the way of the work, so it ships." end
  if ctx.fired("developer_territory") or ctx.fired("setup_overhead") then
    return " It lives too deep in developer territory for creative work: skip."
  end
  return " It does not earn a place in a creative workflow yet."
end

local function compose_quote(tool, ctx)
  if ctx.verdict() == "abstain" then
    return "I cannot tell whether " .. tool.name
      .. " serves creative work: the catalog says too little about who it is for and how it feels to use."
  end
  local text = ""
  if ctx.fired("made_for_creators") then
    text = text .. " It is made for creative work, not for engineers."
  elseif ctx.fired("developer_territory") then
    text = text .. " This lives in developer territory, so the question is whether it gets out of my way."
  end
  if ctx.fired("model_choice") then text = text .. " It lets me plug in whatever model is cheapest this week." end
  if ctx.fired("locked_in") then text = text .. " It locks me into one vendor's models." end
  if tool.performance then text = text .. " It comes with " .. tool.performance .. "." end
  if tool.ecosystem and #tool.ecosystem > 0 then
    text = text .. " The ecosystem is already producing " .. ctx.join_list(tool.ecosystem) .. "."
  end
  if ctx.fired("momentum") then
    local note = tool.traction.note
    text = text .. " " .. ctx.with_thousands(tool.traction.github_stars) .. " GitHub stars"
      .. (note and " " .. note or "") .. " say people are already using it."
  end
  if ctx.fired("setup_overhead") then
    text = text .. " Set-up asks for keys, variables or steps before anything creative happens."
  end
  text = text .. (ctx.fired("free_start") and " It is free to start." or " There is a price of entry.")
  return (text .. closing_sentence(ctx)):sub(2)
end

local function review(tool, ctx)
  weigh_fit(tool, ctx)
  return ctx.finish(compose_quote(tool, ctx))
end

return {
  id = "creator",
  name = "Creator",
  version = "1.0.0",
  defaults = defaults,
  review = review,
}
