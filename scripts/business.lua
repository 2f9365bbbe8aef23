-- Business: who is the buyer, which budget pays, and what is the moat? The Lua twin of plugins/business/business.cpp.
-- Values a named buyer, a budget line, a revenue model (or a deliberate distribution play), a moat, expansion
-- revenue and an upgrade path from free to paid. Says skip to a release with no buyer and no path to revenue,
-- and counts licences that block commercial adoption against it.

local defaults = {
  base = 40, threshold = 55, min_facts = 2,
  weights = {
    buyer_named = 15, budget_line = 10, revenue_model = 10, distribution_play = 5, no_revenue = -20, moat = 5,
    expansion_revenue = 5, upgrade_path = 10, no_upgrade_path = -10, non_commercial = -10, licence_friction = -5,
  },
}

local function weigh_market(tool, ctx)
  local m = tool.market
  if m.buyer then ctx.rule("buyer_named", "market.buyer", m.buyer, true, "There is a named buyer.") end
  if m.budget_line then
    ctx.rule("budget_line", "market.budget_line", m.budget_line, true, "A budget line pays for it.")
  end
  local r = m.revenue_model
  if r then
    local direct = r ~= "none" and r ~= "distribution"
    ctx.rule("revenue_model", "market.revenue_model", r, direct, "It has a direct revenue model.")
    ctx.rule("distribution_play", "market.revenue_model", r, r == "distribution",
      "It is a distribution play that builds an ecosystem.")
    ctx.rule("no_revenue", "market.revenue_model", r, r == "none", "No revenue is attached to it.")
  end
  if m.moat then ctx.rule("moat", "market.moat", m.moat, true, "It has a moat.") end
  if m.expansion then
    ctx.rule("expansion_revenue", "market.expansion", m.expansion, true, "It has an expansion revenue story.")
  end
  local path = m.upgrade_path
  if path ~= nil then
    ctx.rule("upgrade_path", "market.upgrade_path", path, path, "Free use leads into paid use.")
    ctx.rule("no_upgrade_path", "market.upgrade_path", path, not path, "Nothing leads from free use into paid use.")
  end
  local c = tool.licence.commercial_use
  if c then
    ctx.rule("non_commercial", "licence.commercial_use", c, c == "forbidden", "The licence blocks commercial adoption.")
    ctx.rule("licence_friction", "licence.commercial_use", c, c == "restricted",
      "Licence restrictions cap enterprise adoption.")
  end
end

local revenue_sentences = {
  usage = " Revenue is usage-based, so spend grows with the customer's traffic.",
  subscription = " Revenue is a subscription, which compounds if it retains.",
  licence = " Revenue comes from licences.",
  one_time = " Revenue is a one-time purchase, so growth means new customers every quarter.",
  services = " Revenue comes from services, which scale with headcount.",
  open_core = " The model is open core: the free edition feeds the paid one.",
}

local function revenue_sentence(tool)
  local r = tool.market.revenue_model
  if r == "distribution" then
    return " There is no direct business model here: this is " .. tool.vendor
      .. "'s distribution play, not a revenue line."
  end
  return revenue_sentences[r] or ""
end

local function licence_sentence(tool)
  local licence = tool.licence.name or "licence"
  if tool.licence.commercial_use == "forbidden" then
    return " The " .. licence .. " means adoption never converts into pipeline."
  end
  if tool.licence.commercial_use == "restricted" then
    return " The risk is the " .. licence
      .. ": its commercial restrictions push enterprise legal teams to balk, which caps adoption."
  end
  return ""
end

local function closing_sentence(ctx)
  if ctx.verdict() == "ship" then
    return ctx.fired("buyer_named") and ctx.fired("budget_line")
      and " A named buyer with a budget line behind it: that ships." or " The market case holds: it ships."
  end
  if ctx.fired("no_revenue") then return " With no revenue attached, this is a PR move with no unit economics." end
  return " The market case does not add up yet."
end

local function compose_quote(tool, ctx)
  if ctx.verdict() == "abstain" then
    return "There is no market case to judge: the catalog names too little of " .. tool.name
      .. "'s buyer, budget or revenue."
  end
  local m = tool.market
  local text = ""
  if m.buyer then
    text = text .. " The buyer is " .. m.buyer .. "."
  elseif m.revenue_model == "none" then
    text = text .. " There is no revenue attached to this release, so there is no buyer to name."
  end
  if m.budget_line then text = text .. " The budget comes from the " .. m.budget_line .. " line." end
  text = text .. revenue_sentence(tool)
  if m.moat then text = text .. " The moat is " .. m.moat .. "." end
  if m.expansion then text = text .. " The expansion revenue story: " .. m.expansion .. "." end
  if m.upgrade_path == false then
    text = text .. " There is no upgrade path from free use to paid production built into the product."
  end
  text = text .. licence_sentence(tool) .. closing_sentence(ctx)
  return text:sub(2)
end

local function review(tool, ctx)
  weigh_market(tool, ctx)
  return ctx.finish(compose_quote(tool, ctx))
end

return {
  id = "business",
  name = "Business",
  version = "1.0.0",
  defaults = defaults,
  review = review,
}
