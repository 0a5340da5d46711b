import { describe, expect, it } from 'vitest';
import { furnitureName, isSkipped, linkDensity, namesStory, skippedByMarkup } from '../../../utils/page/furniture';

function element(html: string): Element {
  document.body.innerHTML = html;
  return document.body.firstElementChild as Element;
}

describe('namesStory', () => {
  it('reads a name for the story’s text in class or id, furniture words beside it or not', () => {
    expect(namesStory(element('<div class="l-sidebar-fixed l-segment l-article-body-segment"></div>'))).toBe(true);
    expect(namesStory(element('<div id="article-content" class="content-floated-wrap fb-quotable"></div>'))).toBe(true);
    expect(namesStory(element('<div class="articleBody"></div>'))).toBe(true);
    expect(namesStory(element('<div class="sidebar-content"></div>'))).toBe(false);
    expect(namesStory(element('<div id="main"></div>'))).toBe(false);
  });
});

describe('furnitureName', () => {
  it('reads class, id, data-testid, data-component, data-qa, data-area and custom tag names, split on -, _ and camelCase', () => {
    expect(furnitureName(element('<div class="share-tools__container__3Km1w"></div>'))).toBe('furniture');
    expect(furnitureName(element('<div id="div-gpt-ad-123"></div>'))).toBe('furniture');
    expect(furnitureName(element('<div data-testid="AuthorByline"></div>'))).toBe('furniture');
    expect(furnitureName(element('<div data-component="byline-block"></div>'))).toBe('furniture');
    expect(furnitureName(element('<div class="PagePromo-description"></div>'))).toBe('furniture');
    expect(furnitureName(element('<amp-ad width="300"></amp-ad>'))).toBe('furniture');
    expect(furnitureName(element('<amp-social-share type="x"></amp-social-share>'))).toBe('furniture');
    expect(furnitureName(element('<div class="wpds-c-hGHpBh" data-qa="article-body-ad"></div>'))).toBe('furniture');
    expect(furnitureName(element('<blockquote class="wpds-c-kBAeDc" data-qa="pull-quote"></blockquote>'))).toBe('furniture');
    expect(furnitureName(element('<section class="relative" data-area="related_articles"></section>'))).toBe('furniture');
    expect(furnitureName(element('<section class="relative" data-area="text"></section>'))).toBeNull();
  });

  it('reads an element with no attributes by its tag name alone, the same as with attributes', () => {
    for (const tag of ['p', 'div', 'video', 'story-paragraph', 'social-share', 'photo-gallery', 'amp-ad']) {
      const plain = furnitureName(element(`<${tag}></${tag}>`));
      expect(plain, tag).toBe(furnitureName(element(`<${tag} title="x"></${tag}>`)));
      // Asked again (the answer is kept per tag name): the same.
      expect(furnitureName(element(`<${tag}></${tag}>`)), tag).toBe(plain);
    }
    expect(furnitureName(element('<social-share></social-share>'))).toBe('furniture');
    expect(furnitureName(element('<photo-gallery></photo-gallery>'))).toBe('never');
    expect(furnitureName(element('<story-paragraph></story-paragraph>'))).toBeNull();
    // Attributes added later are read: the answer by tag name is only for elements with none.
    const later = element('<p></p>');
    furnitureName(later);
    later.className = 'share-bar';
    expect(furnitureName(later)).toBe('furniture');
  });

  it('knows social embeds and video teasers', () => {
    for (const name of ['instagram-media', 'tiktok-embed', 'twitter-tweet', 'video-resource', 'inline-video__player', 'jwplayer jw-reset', 'audio-player', 'mediaPlayer', 'fb-post', 'fb-xfbml-parse-ignore']) {
      expect(furnitureName(element(`<blockquote class="${name}"></blockquote>`)), name).toBe('furniture');
    }
  });

  it('knows photo galleries, slideshows and carousels: their captions are never the story, however long', () => {
    for (const name of ['container grid-mod-gallery', 'photo-gallery', 'slideshow', 'related-carousel']) {
      expect(furnitureName(element(`<div class="${name}"></div>`)), name).toBe('never');
    }
    // An inline gallery in a story (The Independent: 50 captioned slides, each a news item of its own,
    // more text than the story around it).
    const slide = '<li><h2>2/50 Star Wars boosts economy</h2><p>Production of the next Star Wars movie has brought an economic impact of some £150 million to Britain, the minister said.</p></li>';
    const root = element(`<div><p>The hotel owners said guests should check the room before they unpack.</p><div class="full-gallery"><ul class="legends">${slide.repeat(10)}</ul></div></div>`);
    expect(isSkipped(root.querySelector('.full-gallery') as Element, root)).toBe(true);
  });

  it('matches word starts and two words joined', () => {
    for (const name of ['sharedaddy', 'jp-relatedposts', 'Advertisement', 'newsletter-signup-inline', 'most-read', 'story__read-more', 'sign-up', 'sr-only', 'visually-hidden', 'screen-reader-text']) {
      expect(furnitureName(element(`<div class="${name}"></div>`)), name).toBe('furniture');
    }
  });

  it('leaves story containers alone: no furniture word, or only inside another word', () => {
    for (const name of ['article-body', 'commentary-body', 'RichTextStoryBody', 'StoryBodyCompanionColumn', 'entry-content', 'text__text__1FZLe', 'loading', 'paywall']) {
      expect(furnitureName(element(`<div class="${name}"></div>`)), name).toBeNull();
    }
  });

  it('tells comments apart, and reads WordPress tag-/category- classes as topics', () => {
    expect(furnitureName(element('<div id="comments" class="comments-area"></div>'))).toBe('never');
    expect(furnitureName(element('<ol class="commentlist"></ol>'))).toBe('never');
    expect(furnitureName(element('<article class="post type-post tag-social tag-comments category-sharing"></article>'))).toBeNull();
  });
});

describe('skippedByMarkup', () => {
  it('skips landmark and widget roles and inline display:none / visibility:hidden in any spelling, not their look-alikes', () => {
    for (const role of ['navigation', 'complementary', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar', 'tablist', 'img']) {
      expect(skippedByMarkup(element(`<div role="${role}"></div>`)), role).toBe(true);
    }
    for (const role of ['main', 'article', 'region', 'menuitem', 'dialogs']) expect(skippedByMarkup(element(`<div role="${role}"></div>`)), role).toBe(false);
    for (const style of ['display:none', 'color: red; DISPLAY : none !important;', 'visibility: hidden', 'margin:0;visibility:hidden;']) {
      expect(skippedByMarkup(element(`<div style="${style}"></div>`)), style).toBe(true);
    }
    for (const style of ['display: block', 'visibility: visible', 'content-visibility: hidden', '--display: none']) {
      expect(skippedByMarkup(element(`<div style="${style}"></div>`)), style).toBe(false);
    }
  });
});

describe('linkDensity', () => {
  it('is the share of link text, and all of it inside a link (a teaser card wrapping its summary)', () => {
    expect(linkDensity(element('<p>Read more: <a href="/x">the story</a></p>'))).toBeCloseTo(9 / 20);
    expect(linkDensity(element('<p>No links here.</p>'))).toBe(0);
    expect(linkDensity(element('<a href="/x"><p>A summary that reads like a paragraph.</p></a>').firstElementChild as Element)).toBe(1);
  });
});

describe('isSkipped', () => {
  function skippedTexts(html: string): string[] {
    document.body.innerHTML = `<div id="root">${html}</div>`;
    const root = document.getElementById('root') as Element;
    return [...root.querySelectorAll('*')].filter((child) => isSkipped(child, root)).map((child) => child.textContent ?? '');
  }
  const story = '<p>The council will vote on the budget next month, the mayor said on Tuesday after a long meeting.</p>'.repeat(4);

  it('skips a short paragraph that is mostly one link, and a box holding just one link', () => {
    expect(skippedTexts(`${story}<p><strong>Read more:</strong> <a href="/x">Mayor says the budget will pass</a></p><div class="x"><a href="/y">Our standards</a></div>`)).toEqual([
      'Read more: Mayor says the budget will pass',
      'Our standards',
    ]);
    expect(skippedTexts(`${story}<p>The plan, <a href="/doc">published on Monday</a>, would cut bus fares.</p>`)).toEqual([]);
  });

  it('skips a teaser card (a box opening with a heading that is all link), not a section opening with an anchored subhead', () => {
    const card = '<div class="card"><h3><a href="/x">Council approves budget</a></h3><p>Councillors said the cuts were painful but unavoidable this year.</p></div>';
    expect(skippedTexts(`${story}${card}`)).toEqual(['Council approves budgetCouncillors said the cuts were painful but unavoidable this year.']);
    const pictured = '<div class="item"><a href="/y"><img alt=""></a><h4><a href="/y">Train fares frozen</a></h4><p>Ministers said the freeze would cost millions.</p></div>';
    // The card, the link holding just its picture, and the picture (skipped by its tag).
    expect(skippedTexts(`${story}${pictured}`)).toEqual(['Train fares frozenMinisters said the freeze would cost millions.', '', '']);
    const wrapped = '<div class="river-card"><a href="/z"><h3>Mayor says terminal will open on time</h3></a><p>The mayor said the terminal would open in June.</p></div>';
    // The card, and the link wrapping its heading (a box holding just one link).
    expect(skippedTexts(`${story}${wrapped}`)).toEqual(['Mayor says terminal will open on timeThe mayor said the terminal would open in June.', 'Mayor says terminal will open on time']);
    expect(skippedTexts(`<section><h2><a href="#why">Why it matters</a></h2>${story.repeat(2)}</section>${story}`)).toEqual([]);
    expect(skippedTexts(`<div><h3>Plain subhead</h3><p>The council said it would vote.</p></div>${story}`)).toEqual([]);
  });

  it('skips a captioned photo without <figure> (a picture first, its caption in an element of its own), not a box opening with a picture and its own text', () => {
    const photo = '<div class="photo-wrap"><img alt=""><div class="photo-text">The owner said the building held 200 sofas. (KMVR photo)</div></div>';
    expect(skippedTexts(`${story}${photo}`)).toEqual(['The owner said the building held 200 sofas. (KMVR photo)', '']);
    expect(skippedTexts(`${story}<div class="lede"><img alt="">The mayor said the budget would pass on Tuesday.</div>`)).toEqual(['']);
    expect(skippedTexts(`<div class="body"><img alt="">${story}</div>`)).toEqual(['']);
  });

  it('skips a paywall prompt named gate or wall, a call to action and a republishing box, not the paywalled part of the story', () => {
    expect(furnitureName(element('<div id="meter-wall" class="article-gate gate--inline"></div>'))).toBe('furniture');
    expect(furnitureName(element('<div class="gate__testimonial"></div>'))).toBe('furniture');
    expect(furnitureName(element('<div class="article-cta cta--inline"></div>'))).toBe('furniture');
    expect(furnitureName(element('<div class="republish-box"></div>'))).toBe('furniture');
    expect(furnitureName(element('<div class="paywall"></div>'))).toBeNull();
    expect(furnitureName(element('<div class="navigate firewall-story"></div>'))).toBeNull();
  });

  it('skips comments even when they are most of the text, other furniture only when it is not', () => {
    const comments = `<div class="comments-area">${story.repeat(3)}</div>`;
    expect(skippedTexts(`${story}${comments}`)).toHaveLength(1);
    expect(skippedTexts(`<div class="story-author-content">${story}</div><div class="author-bio"><p>Jo covers city hall.</p></div>`)).toEqual(['Jo covers city hall.']);
  });
});
