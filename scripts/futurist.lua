-- Futurist: what falsifiable bet does this release make? The Lua twin of plugins/futurist/futurist.cpp.
-- Values a stated thesis that can be proven wrong, the dependencies it names holding, a second-order effect beyond
-- the release, and being early to the trend. Says skip when a dependency is failing or the release is late;
-- abstains when no thesis is stated at all. When the catalog says what follows if the bet pays, that is the bet it
-- tells you to watch.

local defaults = {
  base = 40, threshold = 55, min_facts = 1,
  weights = {
    thesis_stated = 20, falsifiable = 5, dependency_named = 5, dependency_holding = 10, dependency_uncertain = -5,
    dependency_failing = -20, second_order_effect = 10, early = 10, on_time = 5, late = -15,
  },
}

local severity = { holding = 1, uncertain = 2, failing = 3 }

-- How the dependencies stand together: the worst of them, since the bet needs every one.
local function dependencies_health(th)
  local worst = th.dependency_status
  for _, d in ipairs(th.dependencies or {}) do
    if d.status and (not worst or severity[d.status] > severity[worst]) then worst = d.status end
  end
  return worst
end

-- Where the worst status was read: the single dependency's status, or the list of dependencies.
local function status_fact(th)
  local status = th.dependency_status
  return (status and status == dependencies_health(th)) and "thesis.dependency_status" or "thesis.dependencies"
end

-- The dependencies as reason text: "cheap devices (failing), fast networks".
local function dependencies_text(dependencies)
  local items = {}
  for _, d in ipairs(dependencies) do items[#items + 1] = d.text .. (d.status and " (" .. d.status .. ")" or "") end
  return table.concat(items, ", ")
end

local function weigh_thesis(tool, ctx)
  local th = tool.thesis
  if th.statement then
    ctx.rule("thesis_stated", "thesis.statement", th.statement, true, "It makes a clear bet on where things are going.")
  end
  if th.falsifiable ~= nil then
    ctx.rule("falsifiable", "thesis.falsifiable", th.falsifiable, th.falsifiable,
      "The bet can be proven wrong, so it can be tracked.")
  end
  if th.dependency then
    ctx.rule("dependency_named", "thesis.dependency", th.dependency, true,
      "It names what has to hold for the bet to pay.")
  elseif th.dependencies and #th.dependencies > 0 then
    ctx.rule("dependency_named", "thesis.dependencies", dependencies_text(th.dependencies), true,
      "It names what has to hold for the bet to pay.")
  end
  local status = dependencies_health(th)
  if status then
    local fact = status_fact(th)
    ctx.rule("dependency_holding", fact, status, status == "holding", "The dependency is holding.")
    ctx.rule("dependency_uncertain", fact, status, status == "uncertain", "The dependency is uncertain.")
    ctx.rule("dependency_failing", fact, status, status == "failing", "The dependency is already failing.")
  end
  if th.second_order then
    ctx.rule("second_order_effect", "thesis.second_order", th.second_order, true,
      "It has an effect beyond the release itself.")
  end
  local when = th.timing
  if when then
    ctx.rule("early", "thesis.timing", when, when == "early", "It is early to its trend.")
    ctx.rule("on_time", "thesis.timing", when, when == "on_time", "It is on time to its trend.")
    ctx.rule("late", "thesis.timing", when, when == "late", "It is late to its trend.")
  end
end

local status_words = { holding = "holding", uncertain = "genuinely uncertain", failing = "already failing" }

local function say_dependencies(th, ctx)
  local status_rules = ctx.fired_among(
    { "dependency_named", "dependency_holding", "dependency_uncertain", "dependency_failing" })
  if th.dependency then
    local text = "The dependency that has to hold is " .. th.dependency
    local status = th.dependency_status
    if status == "holding" then text = text .. ", and it is holding" end
    if status == "uncertain" then text = text .. ", which is genuinely uncertain" end
    if status == "failing" then text = text .. ", and it is already failing" end
    ctx.say(text .. ".", status_rules,
      status and { "thesis.dependency", "thesis.dependency_status" } or { "thesis.dependency" })
  end
  local all = th.dependencies
  if not all or #all == 0 then return end
  local one_status = true
  for _, d in ipairs(all) do
    if not d.status or d.status ~= all[1].status then one_status = false end
  end
  local items = {}
  for _, d in ipairs(all) do
    items[#items + 1] = d.text .. ((not one_status and d.status) and " (" .. status_words[d.status] .. ")" or "")
  end
  local text = "It depends on " .. ctx.join_list(items)
  if one_status then
    local together = #all == 1 and ", which is " or #all == 2 and ", and both are " or ", and all of them are "
    text = text .. together .. status_words[all[1].status]
  end
  ctx.say(text .. ".", status_rules, { "thesis.dependencies" })
end

local function say_timing(tool, ctx)
  local when = tool.thesis.timing
  if not when then return end
  local who = tool.vendor or "It"
  local facts = tool.vendor and { "thesis.timing", "vendor" } or { "thesis.timing" }
  if when == "early" then ctx.say(who .. " is early to this trend.", { "early" }, facts) end
  if when == "on_time" then ctx.say(who .. " is on time to this trend, not early.", { "on_time" }, facts) end
  if when == "late" then ctx.say(who .. " is late to this trend.", { "late" }, facts) end
end

local function close_quote(tool, ctx)
  local ship = ctx.verdict() == "ship"
  if ship and tool.thesis.next then
    return ctx.close("If it pays off, " .. tool.thesis.next .. ": that is the real bet to watch.",
      ctx.fired_among({ "thesis_stated" }), { "thesis.next" })
  end
  if ship then return ctx.close("That is the bet to watch.", ctx.verdict_rules()) end
  if ctx.fired("dependency_failing") then
    return ctx.close("With its dependency failing, the bet is lost before it starts.", { "dependency_failing" },
      { status_fact(tool.thesis) })
  end
  if ctx.fired("late") then
    return ctx.close("Late to the trend, it arrives after the window has closed.", { "late" }, { "thesis.timing" })
  end
  ctx.close("The bet is too thin to back.", ctx.verdict_rules())
end

local function review(tool, ctx)
  weigh_thesis(tool, ctx)
  local th = tool.thesis
  if ctx.verdict() == "abstain" then
    local text = th.statement and "Too little of the thesis behind " .. tool.name .. " is spelled out to judge the bet."
      or "No thesis is stated for " .. tool.name .. ", so there is no future state to bet on, and nothing to falsify."
    ctx.close(text, {}, { "thesis" })
    return ctx.finish()
  end
  if th.statement then
    ctx.say((th.falsifiable == true and "The thesis is falsifiable: " or "The thesis this release bets on: ")
      .. th.statement .. ".", ctx.fired_among({ "thesis_stated", "falsifiable" }),
      th.falsifiable == true and { "thesis.statement", "thesis.falsifiable" } or { "thesis.statement" })
  end
  say_dependencies(th, ctx)
  if th.second_order then
    ctx.say("The second-order effect: " .. th.second_order .. ".", { "second_order_effect" }, { "thesis.second_order" })
  end
  say_timing(tool, ctx)
  close_quote(tool, ctx)
  return ctx.finish()
end

return {
  id = "futurist",
  name = "Futurist",
  version = "2.0.0",
  defaults = defaults,
  review = review,
}
